// oidc-provider ships no types; this declares the little the tests use of it.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface AccountClaims {
    readonly sub: string;
    readonly [claim: string]: unknown;
  }

  export interface Account {
    readonly accountId: string;
    claims(): AccountClaims;
  }

  export interface ClientMetadata {
    readonly client_id: string;
    readonly client_secret?: string;
    readonly redirect_uris: readonly string[];
    readonly grant_types?: readonly string[];
    readonly response_types?: readonly string[];
    readonly token_endpoint_auth_method?: string;
  }

  export interface Configuration {
    readonly clients?: readonly ClientMetadata[];
    readonly findAccount?: (context: unknown, id: string) => Promise<Account | undefined>;
    readonly claims?: Readonly<Record<string, readonly string[]>>;
    readonly pkce?: { readonly required?: () => boolean };
    readonly cookies?: { readonly keys?: readonly string[] };
    readonly jwks?: { readonly keys: readonly object[] };
    /** Lifetimes in seconds, by artifact (`Session`, `Grant`, `AccessToken`, …). */
    readonly ttl?: Readonly<Record<string, number>>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
