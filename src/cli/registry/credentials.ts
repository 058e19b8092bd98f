/**
 * Registry credentials from the Docker config file (`~/.docker/config.json`, or `$DOCKER_CONFIG`):
 * the `auths` section, as `docker login` writes it without a credential helper. Credential
 * helpers (`credsStore`, `credHelpers`) are programs this tool does not run.
 */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** Keys Docker Hub logins are stored under. */
const DOCKER_HUB_KEYS = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];

export function credentialsFor(domain: string, config: unknown): Credentials | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const auths = (config as { auths?: unknown }).auths;
  if (typeof auths !== 'object' || auths === null) return undefined;
  const wanted = domain === 'docker.io' ? DOCKER_HUB_KEYS : [domain];
  for (const [key, value] of Object.entries(auths as Record<string, unknown>)) {
    const host = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    if (!wanted.includes(key) && !wanted.includes(host)) continue;
    const found = decode(value);
    if (found) return found;
  }
  return undefined;
}

function decode(entry: unknown): Credentials | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { auth, username, password } = entry as { auth?: unknown; username?: unknown; password?: unknown };
  if (typeof auth === 'string' && auth !== '') {
    const text = Buffer.from(auth, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon > 0) return { username: text.slice(0, colon), password: text.slice(colon + 1) };
  }
  if (typeof username === 'string' && typeof password === 'string') return { username, password };
  return undefined;
}
