import { describe, expect, it } from 'vitest';
import { expandWord } from '../../../src/analyzer/shell/expand.ts';
import { checkMountSyntax, parseMount, splitCsv } from '../../../src/analyzer/instructions/mounts.ts';

const env = new Map([
  ['T', '/cache'],
  ['TYPE', 'cache'],
]);
const expand = (w: string) => expandWord(w, env);

describe('splitCsv', () => {
  it.each([
    ['a,b', ['a', 'b']],
    ['a,,b', ['a', '', 'b']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['a,', ['a', '']],
  ])('%s', (input, fields) => {
    expect(splitCsv(input)).toEqual({ ok: true, value: fields });
  });
  it.each([
    ['', 'EOF'],
    ['a"b', 'parse error on line 1, column 2: bare " in non-quoted-field'],
    ['x,"ab', 'parse error on line 1, column 4: extraneous or missing " in quoted-field'],
    ['"ab"c', 'parse error on line 1, column 4: extraneous or missing " in quoted-field'],
  ])('%s fails', (input, error) => {
    expect(splitCsv(input)).toEqual({ ok: false, error });
  });
});

describe('checkMountSyntax (parse time)', () => {
  it('checks only CSV syntax and the from rule', () => {
    expect(checkMountSyntax('type=bogus,size=x,whatever')).toBeUndefined();
    expect(checkMountSyntax('from=$STAGE')).toBe("'from' doesn't support variable expansion, define alias stage instead");
    expect(checkMountSyntax('FROM=a$b')).toBe("'from' doesn't support variable expansion, define alias stage instead");
    expect(checkMountSyntax('from=stage$')).toBeUndefined();
    expect(checkMountSyntax('a"b')).toBe('failed to parse csv mounts: parse error on line 1, column 2: bare " in non-quoted-field');
  });
});

describe('parseMount (evaluation)', () => {
  it('reads every field, with aliases and defaults', () => {
    expect(parseMount('type=$TYPE,dst=$T,id=pip,sharing=LOCKED,mode=0755,uid=1000,gid=0', expand)).toEqual({
      mount: {
        type: 'cache',
        from: '',
        source: '',
        target: '/cache',
        readonly: false,
        id: 'pip',
        required: false,
        sharing: 'locked',
        mode: 0o755,
        uid: 1000,
        gid: 0,
      },
      unmatched: [],
      expanded: 'type=cache,dst=/cache,id=pip,sharing=LOCKED,mode=0755,uid=1000,gid=0',
    });
    expect(parseMount('from=build,src=/out,target=/in', expand).mount).toMatchObject({
      type: 'bind',
      from: 'build',
      source: '/out',
      readonly: true,
    });
    expect(parseMount('type=bind,rw,target=/x', expand).mount?.readonly).toBe(false);
    expect(parseMount('type=cache,ro,target=/x', expand).mount?.readonly).toBe(true);
    expect(parseMount('type=tmpfs,target=/t,size=64m', expand).mount).toMatchObject({ size: 64 * 1024 * 1024, readonly: false });
    expect(parseMount('type=secret,id=tok,env=TOKEN,required', expand).mount).toMatchObject({
      type: 'secret',
      env: 'TOKEN',
      required: true,
      readonly: true,
    });
    expect(parseMount('type=ssh,required=false', expand).mount).toMatchObject({ type: 'ssh', required: false });
  });

  it('records unset variables and quotes values that need it when re-joining', () => {
    const r = parseMount('type=cache,"target=/a,b",id=$NOPE', expand);
    expect(r.unmatched).toEqual(['NOPE']);
    expect(r.expanded).toBe('type=cache,"target=/a,b",id=');
  });

  it.each([
    ['type=volume', 'unsupported mount type "volume"'],
    ['type=cahce', 'unsupported mount type "cahce" (did you mean cache?)'],
    ['size=1m,type=tmpfs', "unexpected key 'size' for mount type 'bind'"],
    ['type=tmpfs,size=lots', 'invalid value for size: lots'],
    ['required,type=secret,id=x', "unexpected key 'required' for mount type 'bind'"],
    ['type=cache,required=true', "unexpected key 'required' for mount type 'cache'"],
    ['type=secret,id=x,required=maybe', 'invalid value for required: maybe'],
    ['ro=maybe', 'invalid value for ro: maybe'],
    ['rw=2', 'invalid value for rw: 2'],
    ['target', "invalid field 'target' must be a key=value pair"],
    ['targt=/x', "unexpected key 'targt' in 'targt=/x' (did you mean target?)"],
    ['bogus=1', "unexpected key 'bogus' in 'bogus=1'"],
    ['type=cache,sharing=open', 'unsupported sharing value "open"'],
    ['type=cache,sharing=shred', 'unsupported sharing value "shred" (did you mean shared?)'],
    ['type=cache,mode=999', 'invalid value 999 for mode'],
    ['type=cache,uid=-1', 'invalid value -1 for uid'],
    ['type=cache,gid=x', 'invalid value x for gid'],
    ['type=bind,mode=0755', 'mode not allowed for "bind" type mounts'],
    ['type=tmpfs,uid=1', 'uid not allowed for "tmpfs" type mounts'],
    ['gid=1', 'gid not allowed for "bind" type mounts'],
    ['type=secret,from=x,id=a', 'secret mount should not have a from'],
    ['type=secret,id=a,sharing=shared', 'secret mount should not define sharing'],
    ['type=secret', 'invalid secret mount. one of source, target required'],
    ['type=secret,source=a,id=b', "both source and id can't be set"],
    ['type=bind,sharing=private', 'invalid cache sharing set for bind mount'],
    ['type=${X', 'failed to process "${X": unsupported modifier (\uFFFD) in substitution'],
    ['', 'failed to parse csv mounts: EOF'],
  ])('%s fails with %s', (value, error) => {
    const r = parseMount(value, expand);
    expect(r.error).toBe(error);
    expect(r.mount).toBeUndefined();
  });
});
