// ES256 JSON Web Tokens for the OAuth service: the signing key is created once per store and kept
// with it (so tokens survive a restart with --data), published as a JWK at /oauth2/jwks, and
// verified with node:crypto (the key pair type the identity service rotates: KeyPairType.EC).
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { SandboxStore, SigningKey } from '../store.ts';

export type JwtClaims = Record<string, unknown>;

const keyCache = new WeakMap<SigningKey, { privateKey: KeyObject; publicKey: KeyObject }>();

export function signingKey(store: SandboxStore): SigningKey {
  if (!store.oauthSigningKey) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    store.oauthSigningKey = {
      kid: randomUUID(),
      privateJwk: privateKey.export({ format: 'jwk' }) as Record<string, string>,
    };
    store.touch();
  }
  return store.oauthSigningKey;
}

function keysOf(key: SigningKey): { privateKey: KeyObject; publicKey: KeyObject } {
  let keys = keyCache.get(key);
  if (!keys) {
    const privateKey = createPrivateKey({ key: key.privateJwk, format: 'jwk' });
    keys = { privateKey, publicKey: createPublicKey(privateKey) };
    keyCache.set(key, keys);
  }
  return keys;
}

/** The public JWK (kty EC, crv P-256, x, y) with kid, use and alg. */
export function publicJwk(store: SandboxStore): Record<string, string> {
  const key = signingKey(store);
  const jwk = keysOf(key).publicKey.export({ format: 'jwk' }) as Record<string, string>;
  return {
    kty: jwk['kty'] ?? 'EC',
    use: 'sig',
    crv: jwk['crv'] ?? 'P-256',
    kid: key.kid,
    x: jwk['x'] ?? '',
    y: jwk['y'] ?? '',
    alg: 'ES256',
  };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(store: SandboxStore, claims: JwtClaims): string {
  const key = signingKey(store);
  const input = `${b64({ kid: key.kid, alg: 'ES256' })}.${b64(claims)}`;
  const signature = sign('sha256', Buffer.from(input), { key: keysOf(key).privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/** The claims of a token this store signed (kid and ES256 signature checked), else null. */
export function verifyJwt(store: SandboxStore, token: string): JwtClaims | null {
  const [head, body, sig] = token.split('.');
  if (!head || !body || !sig || !store.oauthSigningKey) return null;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { kid?: string; alg?: string };
    const key = store.oauthSigningKey;
    if (header.alg !== 'ES256' || header.kid !== key.kid) return null;
    const valid = verify(
      'sha256',
      Buffer.from(`${head}.${body}`),
      { key: keysOf(key).publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(sig, 'base64url'),
    );
    return valid ? (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as JwtClaims) : null;
  } catch {
    return null;
  }
}
