import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  dailyXpGoalSchema,
  timeZoneSchema,
  updateProfileSettingsInputSchema,
} from './profile-settings.ts';

describe('canonicalTimeZone', () => {
  it.each([
    ['Europe/Madrid', 'Europe/Madrid'],
    ['europe/madrid', 'Europe/Madrid'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['US/Pacific', 'America/Los_Angeles'],
    ['Pacific/Kiritimati', 'Pacific/Kiritimati'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
  ])('accepts %s as %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it('accepts every zone the runtime lists, as a name that is its own canonical form', () => {
    for (const name of Intl.supportedValuesOf('timeZone')) {
      const canonical = canonicalTimeZone(name);
      expect(canonical, name).not.toBeNull();
      expect(canonicalTimeZone(canonical ?? ''), name).toBe(canonical);
    }
  });

  it.each(['', 'Mars/Olympus', '+01:00', 'Europe/Madrid\n', 'not a zone'])('refuses %j', (name) => {
    expect(canonicalTimeZone(name)).toBeNull();
  });
});

describe('profile settings input', () => {
  it('trims and canonicalises the time zone, or names the field', () => {
    expect(timeZoneSchema.parse('  asia/tokyo ')).toBe('Asia/Tokyo');
    const refused = timeZoneSchema.safeParse('Atlantis/Capital');
    expect(refused.success).toBe(false);
  });

  it('takes only the allowed daily goals', () => {
    for (const goal of [10, 20, 30, 50]) expect(dailyXpGoalSchema.parse(goal)).toBe(goal);
    for (const goal of [0, 15, 40, 100, 20.5]) expect(dailyXpGoalSchema.safeParse(goal).success).toBe(false);
  });

  it('needs at least one setting, and keeps a null tagline (clear) apart from an absent one', () => {
    expect(updateProfileSettingsInputSchema.safeParse({}).success).toBe(false);
    expect(updateProfileSettingsInputSchema.parse({ tagline: null })).toEqual({ tagline: null });
    const issues = updateProfileSettingsInputSchema.safeParse({ timezone: 'Nowhere', dailyXpGoal: 25 });
    expect(issues.error?.issues.map((issue) => issue.path)).toEqual([['timezone'], ['dailyXpGoal']]);
  });
});
