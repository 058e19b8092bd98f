/**
 * EXPOSE port specs as BuildKit reads them (`convert_expose.go`): `[ip:][hostPort:]port[-end][/proto]`
 * becomes one `port/proto` per port, proto lower-cased (default tcp).
 */
import { goQuote } from '../core/go-strings.ts';
import { err, ok, type Result } from '../core/result.ts';

/** A port spec split into its fields, unchecked; the protocol as written (empty when omitted). */
export interface PortParts {
  readonly raw: string;
  readonly ip: string;
  readonly hostPort: string;
  readonly containerPort: string;
  readonly proto: string;
}

export interface PortSpec {
  readonly raw: string;
  readonly ip: string;
  readonly hostPort: string;
  /** The protocol as written (ExposeProtoCasing looks at it); `tcp` when omitted. */
  readonly proto: string;
  /** `80/tcp`, one per port of a range. */
  readonly ports: readonly string[];
}

/** `[ip:][hostPort:]port[/proto]` split at its colons and slash (`nat.SplitProtoPort` and friends). */
export function splitPort(raw: string): PortParts {
  const parts = raw.split(':');
  const n = parts.length;
  const ip = n <= 2 ? '' : parts.slice(0, n - 2).join(':');
  const hostPort = n === 1 ? '' : parts[n - 2];
  const slash = parts[n - 1].indexOf('/');
  const containerPort = slash < 0 ? parts[n - 1] : parts[n - 1].slice(0, slash);
  const proto = slash < 0 ? '' : parts[n - 1].slice(slash + 1);
  return { raw, ip, hostPort, containerPort, proto };
}

/** The protocols BuildKit accepts, in any case; empty means tcp. */
export function knownProto(proto: string): boolean {
  return ['', 'tcp', 'udp', 'sctp'].includes(proto.toLowerCase());
}

/** Parses one port spec; the error is BuildKit's text. */
export function parsePort(raw: string): Result<PortSpec> {
  const split = splitPort(raw);
  const { ip, hostPort, containerPort } = split;
  let proto = split.proto;
  if (containerPort === '') return err(`invalid port: ${goQuote(raw)}: no port specified`);
  if (!knownProto(proto)) return err(`invalid port: ${goQuote(raw)}: invalid proto: ${proto}`);
  if (proto === '') proto = 'tcp';
  let address = ip;
  if (address.startsWith('[')) {
    const close = address.indexOf(']');
    if (close !== address.length - 1) return err(`invalid IP address ${ip}: address ${ip}: missing port in address`);
    address = address.slice(1, -1);
  }
  if (address !== '' && !isIP(address)) return err(`invalid IP address: ${address}`);
  const range = portRange(containerPort);
  if (range === undefined) return err(`invalid containerPort: ${containerPort}`);
  if (hostPort !== '') {
    const host = portRange(hostPort);
    if (host === undefined) return err(`invalid hostPort: ${hostPort}`);
    if (range[1] - range[0] !== host[1] - host[0] && range[1] !== range[0]) {
      return err(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
    }
  }
  const ports: string[] = [];
  for (let p = range[0]; p <= range[1]; p++) ports.push(`${p}/${proto.toLowerCase()}`);
  return ok({ raw, ip, hostPort, proto, ports });
}

function portRange(text: string): [number, number] | undefined {
  if (text === '') return undefined;
  const dash = text.indexOf('-');
  const start = portNumber(dash < 0 ? text : text.slice(0, dash));
  if (start === undefined) return undefined;
  if (dash < 0 || text.slice(0, dash) === text.slice(dash + 1)) return [start, start];
  const end = portNumber(text.slice(dash + 1));
  if (end === undefined || end < start) return undefined;
  return [start, end];
}

function portNumber(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n < 0 || n > 65535 ? undefined : n;
}

function isIP(s: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4 !== null) return v4.slice(1).every((p) => Number(p) <= 255 && !(p.length > 1 && p.startsWith('0')));
  if (!s.includes(':')) return false;
  const [head, tail, ...rest] = s.split('::');
  if (rest.length > 0) return false;
  const groups = (g: string | undefined) => (g === undefined || g === '' ? [] : g.split(':'));
  const all = [...groups(head), ...groups(tail)];
  let count = all.length;
  const last = all.at(-1);
  if (last !== undefined && last.includes('.')) {
    if (!isIP(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return tail === undefined ? count === 8 : count < 8;
}
