import { describe, expect, it } from 'vitest';
import { authSettingsFromEnv, DEFAULT_AUTH_SETTINGS } from './auth-settings.ts';
import { loadEnv } from './env.ts';

describe('authSettingsFromEnv', () => {
  it('defaults to 10 sign-ins a minute and 5 sign-ups in 10 minutes per address, 100 failures an hour per email', () => {
    const settings = authSettingsFromEnv(loadEnv({}));
    expect(settings).toEqual({ ...DEFAULT_AUTH_SETTINGS, logEmailLinks: true });
    expect(settings.signInRate).toEqual({ limit: 10, windowMs: 60_000 });
    expect(settings.signUpRate).toEqual({ limit: 5, windowMs: 600_000 });
    expect(settings.signInFailures).toEqual({ limit: 100, windowMs: 3_600_000 });
  });

  it('reads every limit and the public URL from the environment; logs links only in development', () => {
    const settings = authSettingsFromEnv(
      loadEnv({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://questline.example/',
        ADMIN_PASSWORD: 'a long admin secret',
        SIGN_IN_RATE_LIMIT: '20',
        SIGN_IN_RATE_WINDOW_SECONDS: '30',
        SIGN_UP_RATE_LIMIT: '3',
        SIGN_UP_RATE_WINDOW_SECONDS: '3600',
        SIGN_IN_FAILURE_LIMIT: '50',
        SIGN_IN_FAILURE_WINDOW_SECONDS: '900',
      }),
    );
    expect(settings).toEqual({
      publicUrl: 'https://questline.example',
      logEmailLinks: false,
      signInRate: { limit: 20, windowMs: 30_000 },
      signUpRate: { limit: 3, windowMs: 3_600_000 },
      signInFailures: { limit: 50, windowMs: 900_000 },
    });
  });

  it.each([['0'], ['-1'], ['many']])('refuses the limit %j at start', (value) => {
    expect(() => loadEnv({ SIGN_IN_RATE_LIMIT: value })).toThrow(/SIGN_IN_RATE_LIMIT/);
  });
});
