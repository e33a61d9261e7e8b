interface StoredCookie {
  readonly value: string;
  readonly path: string;
}

/**
 * Just enough of a browser for redirect-based sign-in: fetch without following redirects, and a
 * cookie jar per origin that honours Path, Max-Age and Expires.
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, StoredCookie>>();

  private jar(url: URL): Map<string, StoredCookie> {
    let jar = this.jars.get(url.origin);
    if (!jar) this.jars.set(url.origin, (jar = new Map()));
    return jar;
  }

  async request(url: string | URL, form?: Record<string, string>): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers();
    const cookies = [...this.jar(target)]
      .filter(([, cookie]) => target.pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`);
    if (cookies.length) headers.set('cookie', cookies.join('; '));
    const response = await fetch(target, {
      method: form ? 'POST' : 'GET',
      headers,
      ...(form ? { body: new URLSearchParams(form) } : {}),
      redirect: 'manual',
    });
    for (const header of response.headers.getSetCookie()) this.store(target, header);
    return response;
  }

  private store(url: URL, header: string): void {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    const attribute = (key: string) =>
      attributes.find((part) => part.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const maxAge = attribute('max-age');
    const expires = attribute('expires');
    const expired =
      (maxAge !== undefined && Number(maxAge) <= 0) ||
      (expires !== undefined && new Date(expires).getTime() <= Date.now());
    if (expired) this.jar(url).delete(name);
    else this.jar(url).set(name, { value, path: attribute('path') ?? '/' });
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar(new URL(url)).get(name)?.value;
  }

  setCookie(url: string, name: string, value: string, path = '/'): void {
    this.jar(new URL(url)).set(name, { value, path });
  }

  deleteCookie(url: string, name: string): void {
    this.jar(new URL(url)).delete(name);
  }
}

export interface ProviderInteraction {
  /** The account to sign in as on the provider's login page. */
  readonly login: string;
  /** What to answer on the consent page. */
  readonly consent?: 'accept' | 'deny';
}

const MAX_STEPS = 20;
const decodeHtml = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&#x2F;', '/');

interface NextRequest {
  readonly url: URL;
  readonly form: Record<string, string> | undefined;
}

/** Answers the provider's login or consent page, as a person would; the request to make next. */
async function answerPage(
  page: Response,
  pageUrl: URL,
  interaction: ProviderInteraction,
): Promise<NextRequest> {
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
  if (!action || !prompt) throw new Error(`unexpected page at ${pageUrl.href}: ${html.slice(0, 300)}`);
  const submitUrl = new URL(decodeHtml(action), pageUrl);
  if (prompt === 'login')
    return { url: submitUrl, form: { prompt, login: interaction.login, password: 'x' } };
  if (interaction.consent === 'deny') {
    const abort = /href="([^"]+\/abort)"/.exec(html)?.[1];
    if (!abort) throw new Error('no abort link on the consent page');
    return { url: new URL(decodeHtml(abort), pageUrl), form: undefined };
  }
  return { url: submitUrl, form: { prompt } };
}

/**
 * From `startUrl` (our `/auth/oauth/<id>/start`), follows redirects through the provider's pages
 * until the browser is sent back to `appOrigin`; returns that URL (normally the callback) unvisited.
 */
export async function authorizeAtProvider(
  browser: TestBrowser,
  startUrl: string,
  appOrigin: string,
  interaction: ProviderInteraction,
): Promise<URL> {
  let next: { url: URL; form: Record<string, string> | undefined } = {
    url: new URL(startUrl),
    form: undefined,
  };
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const response = await browser.request(next.url, next.form);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const target = new URL(location, next.url);
      if (target.origin === appOrigin) return target;
      next = { url: target, form: undefined };
    } else if (response.status === 200) {
      next = await answerPage(response, next.url, interaction);
    } else {
      throw new Error(
        `unexpected ${response.status} at ${next.url.href}: ${(await response.text()).slice(0, 300)}`,
      );
    }
  }
  throw new Error(`no way back to ${appOrigin} after ${MAX_STEPS} steps`);
}
