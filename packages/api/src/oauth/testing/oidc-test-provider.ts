import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The claims a test account releases; its login name at the provider is its `sub`. */
export interface TestAccount {
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly name?: string;
  readonly preferred_username?: string;
}

export interface TestClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
}

export interface OidcTestProvider {
  readonly issuer: string;
  /** Accounts by login name: what the login form accepts and the claims each releases. */
  readonly accounts: Map<string, TestAccount>;
  /** Registers the relying parties once their callback URLs are known; the provider answers from then on. */
  register(clients: readonly TestClient[]): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Provider (`oidc-provider`) on a loopback port: code flow with PKCE required, its
 * development login and consent pages, email and profile claims from `accounts`.
 */
export async function startOidcTestProvider(): Promise<OidcTestProvider> {
  const accounts = new Map<string, TestAccount>();
  let handler: RequestListener | null = null;
  const server = createServer((req, res) => {
    if (handler) return handler(req, res);
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  return {
    issuer,
    accounts,
    register(clients) {
      const provider = new Provider(issuer, {
        clients: clients.map((client) => ({
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uris: client.redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        })),
        pkce: { required: () => true },
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified'],
          profile: ['name', 'preferred_username'],
        },
        cookies: { keys: [randomBytes(16).toString('hex')] },
        ttl: {
          AuthorizationCode: 60,
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
          AccessToken: 600,
          IdToken: 600,
        },
        jwks: { keys: [{ ...signingKey, alg: 'RS256', use: 'sig' }] },
        findAccount: async (_context, id) => {
          const account = accounts.get(id);
          return account && { accountId: id, claims: () => ({ sub: id, ...account }) };
        },
      });
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
