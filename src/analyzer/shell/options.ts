/** Variables visible to an expansion. Lookups are case-sensitive (Linux). */
export type Env = ReadonlyMap<string, string>;

/** The switches of BuildKit's shell lexer, one set for every use of it. */
export interface LexOptions {
  /** The Dockerfile's escape token (the parser's word splitter always uses `\`). */
  readonly escape?: '\\' | '`';
  /** Keep quote characters in the result (`RawQuotes`: step names, heredoc detection). */
  readonly rawQuotes?: boolean;
  /** Keep escape tokens in the result (`RawEscapes`). */
  readonly rawEscapes?: boolean;
  /** Quotes are ordinary characters (heredoc bodies). */
  readonly skipProcessQuotes?: boolean;
  /** Leave references to unset variables as written (step names). */
  readonly skipUnsetEnv?: boolean;
}
