import { badInput } from '../errors';

let supported: ReadonlySet<string> | undefined;

// Computed once: the list is a few hundred names and never changes within a process.
function supportedZones(): ReadonlySet<string> {
  supported ??= new Set(Intl.supportedValuesOf('timeZone'));
  return supported;
}

// `Area/Location[/Sub]`, each part opening with a capital as in the tz database (`Etc/GMT+5` too).
const IANA_SHAPE = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)+$/;

/**
 * True for IANA time zone names (`Europe/Berlin`, `America/Argentina/Buenos_Aires`, links such as
 * `Asia/Kolkata`) and `UTC`. Offsets (`+05:00`), abbreviations (`EST`, `GMT`) and names in the
 * wrong case are refused even where `Intl` would take them, because they are not zone ids.
 */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string') return false;
  if (name === 'UTC') return true;
  if (name.length > 64 || !IANA_SHAPE.test(name)) return false;
  if (supportedZones().has(name)) return true;
  // Links and newer names (e.g. `Asia/Kolkata`, `Europe/Kyiv`) are missing from the list on some ICU builds.
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    // Intl matches case-insensitively; a name that only differs from its resolution in case is mis-cased.
    return !(resolved !== name && resolved.toLowerCase() === name.toLowerCase());
  } catch {
    return false;
  }
}

/** Throws BAD_USER_INPUT naming `field` unless `name` is an IANA time zone; returns it otherwise. */
export function assertTimeZone(name: string, field = 'timezone'): string {
  if (!isValidTimeZone(name)) {
    throw badInput(field, `"${String(name)}" is not a known time zone; use an IANA name such as Europe/Berlin or UTC`);
  }
  return name;
}
