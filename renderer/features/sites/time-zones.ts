/** Every IANA zone this runtime knows, UTC first: the zones a site's calendar can follow. */
export const timeZones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

/** How a site without its own zone reads: it follows the organisation's. */
export const organisationDefaultText = (organisationTimeZone: string) => `Organisation default (${organisationTimeZone})`;
