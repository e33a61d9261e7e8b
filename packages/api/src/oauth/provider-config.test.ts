import { describe, expect, it } from 'vitest';
import { loadEnv } from '../env.ts';
import { configuredProviders } from './provider-config.ts';

const oidc = { id: 'corp', label: 'Corp SSO', issuer: 'https://sso.example.com', clientId: 'questline' };
const oauth2 = {
  id: 'video',
  label: 'Video',
  authorizationEndpoint: 'https://video.example.com/authorize',
  tokenEndpoint: 'https://video.example.com/token',
  userinfoEndpoint: 'https://video.example.com/me',
  clientId: 'key',
  clientSecret: 'secret',
  scopes: ['user.read'],
  profile: { subject: 'data.id' },
};

const problemsOf = (env: Record<string, string>) => {
  try {
    loadEnv(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the environment to be refused');
};

describe('OAuth provider configuration', () => {
  it('offers nothing when nothing is configured, with a local public URL', () => {
    const env = loadEnv({});
    expect(configuredProviders(env)).toEqual([]);
    expect(env.PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('offers Google by discovery and TikTok with its client_key naming and comma scopes', () => {
    const env = loadEnv({
      GOOGLE_CLIENT_ID: 'g-id',
      GOOGLE_CLIENT_SECRET: 'g-secret',
      TIKTOK_CLIENT_KEY: 't-key',
      TIKTOK_CLIENT_SECRET: 't-secret',
      PUBLIC_URL: 'https://questline.example/',
    });
    expect(env.PUBLIC_URL).toBe('https://questline.example');
    expect(configuredProviders(env)).toMatchObject([
      { kind: 'oidc', id: 'google', issuer: 'https://accounts.google.com', clientId: 'g-id' },
      {
        kind: 'oauth2',
        id: 'tiktok',
        clientId: 't-key',
        clientIdParameter: 'client_key',
        scopeSeparator: ',',
        profile: { subject: 'data.user.open_id' },
      },
    ]);
  });

  it('reads any number of OIDC issuers and plain OAuth 2.0 providers from JSON, with defaults', () => {
    const env = loadEnv({
      OIDC_PROVIDERS: JSON.stringify([oidc, { ...oidc, id: 'local', issuer: 'http://127.0.0.1:9000' }]),
      OAUTH2_PROVIDERS: JSON.stringify([oauth2]),
    });
    expect(configuredProviders(env)).toMatchObject([
      { kind: 'oidc', id: 'corp', scopes: ['openid', 'email', 'profile'] },
      { kind: 'oidc', id: 'local' },
      { kind: 'oauth2', id: 'video', scopeSeparator: ' ', clientIdParameter: 'client_id' },
    ]);
  });

  it.each([
    [{ GOOGLE_CLIENT_ID: 'only-the-id' }, 'GOOGLE_CLIENT_SECRET'],
    [{ TIKTOK_CLIENT_SECRET: 'only-the-secret' }, 'TIKTOK_CLIENT_KEY'],
    [{ OIDC_PROVIDERS: '[{"id": "corp"' }, 'must be a JSON array'],
    [{ OIDC_PROVIDERS: JSON.stringify([{ ...oidc, issuer: 'http://sso.example.com' }]) }, 'https'],
    [{ OIDC_PROVIDERS: JSON.stringify([{ ...oidc, scopes: ['email'] }]) }, 'openid scope'],
    [{ OIDC_PROVIDERS: JSON.stringify([{ ...oidc, id: 'Corp SSO' }]) }, 'OIDC_PROVIDERS.0.id'],
    [{ OIDC_PROVIDERS: JSON.stringify([{ ...oidc, extra: true }]) }, 'extra'],
    [{ OAUTH2_PROVIDERS: JSON.stringify([{ ...oauth2, profile: { subject: 'data[0]' } }]) }, 'dotted'],
    [
      {
        GOOGLE_CLIENT_ID: 'g',
        GOOGLE_CLIENT_SECRET: 's',
        OIDC_PROVIDERS: JSON.stringify([{ ...oidc, id: 'google' }]),
      },
      'provider id "google" is configured twice',
    ],
    [{ AUTH_SECRET: 'too short' }, 'AUTH_SECRET'],
  ])('refuses %j at start', (env, problem) => {
    expect(problemsOf(env)).toContain(problem);
  });
});
