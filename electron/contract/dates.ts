/**
 * The two ways Hashdesk writes a date, everywhere: "4 Dec 2026" and "4 Dec 2026, 21:53" (24-hour). Instants
 * are shown in the site's time zone (the organisation's when the site has none), never the computer's.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

type Shape = 'date' | 'dateTime' | 'time' | 'dayTime';

const shapes: Record<Shape, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  dayTime: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

function formatIn(timeZone: string, shape: Shape): Intl.DateTimeFormat {
  const key = `${timeZone}|${shape}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, ...shapes[shape] });
    formats.set(key, format);
  }
  return format;
}

const isCalendarDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** A calendar date (YYYY-MM-DD, already in the site's calendar) or the day of an instant in `timeZone`: "4 Dec 2026". */
export function formatDate(value: string, timeZone: string): string {
  if (isCalendarDate(value)) return formatIn('UTC', 'date').format(new Date(`${value}T00:00:00Z`));
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : formatIn(timeZone, 'date').format(at);
}

/** An instant (ISO 8601) in `timeZone`: "4 Dec 2026, 21:53". */
export function formatDateTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatIn(timeZone, 'dateTime').format(at);
}

/**
 * A chart axis label, where a full date-time does not fit: "21:00" within a day's range, "4 Dec, 21:00"
 * over longer ones, in `timeZone` like every other time on screen.
 */
export function formatChartTime(iso: string, timeZone: string, withDay: boolean): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatIn(timeZone, withDay ? 'dayTime' : 'time').format(at);
}

/** True for text that is an ISO 8601 instant ("2026-12-04T03:40:24.000Z"). */
export const isInstantText = (value: string): boolean => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(new Date(value).getTime());

/** True for a calendar date (YYYY-MM-DD). */
export const isDateText = isCalendarDate;
