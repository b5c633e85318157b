const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** How many minor units make one major unit of `currency` (100 for USD, 1 for JPY, 1000 for KWD). */
export function minorUnitsPerMajor(currency: string): number {
  // Intl knows each ISO 4217 currency's exponent, so no table of currencies is kept here.
  return 10 ** (formatterFor(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2);
}

/** A price in integer minor units shown in the reader's locale: `formatMoney(1999, 'USD')` → "$19.99". */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  return formatterFor(currency, locale).format(minor / minorUnitsPerMajor(currency));
}

/** A major-unit amount typed by a person ("19.99") in minor units, or undefined when it is not an amount. */
export function parseMajorAmount(text: string, currency: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed) * minorUnitsPerMajor(currency));
}

/** Minor units as the plain major-unit text an input holds (1999 → "19.99"). */
export function toMajorText(minor: number, currency: string): string {
  const per = minorUnitsPerMajor(currency);
  const digits = Math.round(Math.log10(per));
  return (minor / per).toFixed(digits);
}
