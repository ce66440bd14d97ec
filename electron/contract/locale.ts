/** True when `code` is a currency this runtime knows (ISO 4217). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });

/** A currency as a person picks it from a list: "USD — US Dollar"; the bare code when the runtime has no name for it. */
export function currencyLabel(code: string): string {
  const name = currencyNames.of(code);
  return name && name !== code ? `${code} — ${name}` : code;
}

/** Every currency this runtime knows, as select options labelled with their names. */
export const currencyOptions = (): { value: string; label: string }[] =>
  Intl.supportedValuesOf('currency').map((code) => ({ value: code, label: currencyLabel(code) }));
