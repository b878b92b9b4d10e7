import { AppError } from '../errors.ts';

/**
 * Turns what a user pastes (a bare host, a link to a room, a URL with a trailing slash) into the portal's
 * origin, which is what permissions, storage keys and API calls are keyed by.
 */
export function normalisePortalUrl(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '')
    throw invalid('Enter the address of your DocSpace portal, for example https://yourname.onlyoffice.com.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid(`"${trimmed}" is not a web address. Enter it like https://yourname.onlyoffice.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(
      `Only http and https addresses can be portals ("${url.protocol}" was given). Enter it like https://yourname.onlyoffice.com.`,
    );
  }
  if (url.username || url.password) {
    throw invalid('Remove the user name and password from the address; sign in with the fields below instead.');
  }
  const host = url.hostname.replace(/\.$/, '');
  if (host === '' || (!host.includes('.') && host !== 'localhost' && !host.startsWith('['))) {
    throw invalid(`"${trimmed}" has no full host name. Enter it like https://yourname.onlyoffice.com.`);
  }
  if (url.protocol === 'http:' && !isLoopback(host)) {
    throw invalid(
      `Use https://${host}${url.port ? `:${url.port}` : ''}: over plain http your API key, password and files would travel unencrypted. ` +
        '(http is accepted only for a portal on this computer, such as http://127.0.0.1.)',
    );
  }
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
}

function invalid(message: string): AppError {
  return new AppError({ code: 'invalidUrl', message, retryable: false, action: 'checkUrl' });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
