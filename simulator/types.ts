/**
 * Public types of the LoadMaster `/access` API simulator: its options, its handle, the template
 * description a pluggable parser returns, and the JSON-able state it dumps.
 */

/** One SubVS a template creates under its parent service. */
export interface SimTemplateSubVs {
  /** VS parameters of the SubVS under their API names (matched case-insensitively). */
  readonly params: Readonly<Record<string, string>>;
  /** Name of a content rule to attach to the SubVS's slot in the parent (`addrsrule`). */
  readonly rule?: string;
}

/** A global content rule a template brings along (created by `addvs template=` if missing). */
export interface SimTemplateRule {
  /** Rule name (`addrule name=`). */
  readonly name: string;
  /** Rule parameters under their API names: `pattern`, `matchtype`, `nocase`, ... */
  readonly params: Readonly<Record<string, string>>;
}

/** One Virtual Service of a template; it is created at the address given to `addvs`. */
export interface SimTemplateService {
  /** The service's own port. */
  readonly port: number;
  /** `tcp` or `udp`. */
  readonly prot: string;
  /** VS parameters under their API names. */
  readonly params: Readonly<Record<string, string>>;
  /** SubVSs in creation order. */
  readonly subvs: readonly SimTemplateSubVs[];
  /** Content rules the service needs. */
  readonly rules?: readonly SimTemplateRule[];
}

/** A template as the simulator understands it, produced by {@link SimulatorOptions.parseTemplates}. */
export interface SimTemplate {
  /** Template name: `addvs template=<name>` and `deltemplate name=<name>`; also the VSs' default Nickname. */
  readonly name: string;
  /** Free text shown by `listtemplates`. */
  readonly comment: string;
  /** The VSs the template creates. */
  readonly services: readonly SimTemplateService[];
}

/** Reads an uploaded template file; throw to make `uploadtemplate` answer 422. */
export type TemplateParser = (xml: string) => SimTemplate[];

/** Rate limit settings: more than `calls` requests within `windowMs` drops the connection. */
export interface RateLimitOptions {
  readonly calls: number;
  readonly windowMs: number;
}

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** Serve HTTPS with a fresh self-signed certificate (default true); false serves plain HTTP. */
  readonly https?: boolean;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Basic-auth user (default `bal`, the appliance's default admin). */
  readonly user?: string;
  /** Basic-auth password (default: random, see {@link Simulator.password}). */
  readonly password?: string;
  /** Key accepted as `apikey=` query parameter (default: random, see {@link Simulator.apikey}). */
  readonly apikey?: string;
  /** Appliance rate limit, default on (30 calls in 3 s); false turns it off. */
  readonly rateLimit?: boolean | RateLimitOptions;
  /** Names `listcert` reports and `CertFile=` accepts (default `["Wildcard", "ExchangeCert"]`). */
  readonly certificates?: readonly string[];
  /** Reader of `uploadtemplate` bodies; the default rejects every file with 422 "Invalid template file". */
  readonly parseTemplates?: TemplateParser;
  /** SSO domains `showdomain` lists (default none, as on a fresh appliance); read back in capitals. */
  readonly ssoDomains?: readonly string[];
  /** How non-ASCII text is written in a reply, which always declares ISO-8859-1 (default `latin1`). */
  readonly nonAscii?: NonAsciiForm;
  /** Other reply shapes an appliance might give where public evidence is thin (default: none). */
  readonly variant?: ReplyVariant;
  /** Told of each request once its connection closes (answered, dropped or given up on). */
  readonly onCall?: (call: CallRecord) => void;
}

/**
 * Plausible reply shapes beside the evidenced ones (docs/loadmaster-api.md §9), to prove the scripts
 * read every form: each one set, the simulator answers that way instead.
 */
export interface ReplyVariant {
  /** `listvs` gives each Virtual Service's fields only, without its SubVS slots and real servers. */
  readonly bareListing?: boolean;
  /** Attached rules are listed by `showrs` only, never in `showvs` or `listvs`. */
  readonly rulesOnlyInShowrs?: boolean;
  /**
   * A real server in `listvs` and `showvs` shows neither its rules nor their count, and a Virtual
   * Service counts none (no `NRules`): only `showrs` tells a real server's rules, as the go client
   * reads them (docs/loadmaster-api.md §9). SubVS slots still list theirs (the live listvs).
   */
  readonly uncountedRules?: boolean;
  /**
   * A reply's elements sit directly in `<Success>`, without `<Data>`: "some commands answer with text
   * inside `<Success>`" (docs/loadmaster-api.md §1), and a list may come so too.
   */
  readonly bareSuccess?: boolean;
  /** `get` answers with the value as the text of `<Success>`, not in `<Data>` (as `set` answers). */
  readonly getAsText?: boolean;
  /** `showvs` wraps the fields in a `<VS>` inside `<Data>`. */
  readonly wrappedShowvs?: boolean;
  /** Every field is shown, defaults and unset text included, and switches read 1/0. */
  readonly everyField?: boolean;
  /** Changes (`addvs`, `modvs`, `addrs`, `addrule`, `modrule`) answer "Command completed ok", no object. */
  readonly plainReplies?: boolean;
  /** `modvs createsubvs=` answers with the new SubVS instead of its parent. */
  readonly newSubVsReply?: boolean;
  /**
   * `showvs` and `listvs` show none of the ESP fields whose element no evidence shows (all but
   * EspEnabled, InputAuthMode and OutputAuthMode: docs/loadmaster-api.md §9), though they are kept.
   */
  readonly hideUnconfirmed?: boolean;
}

/**
 * The three forms non-ASCII text may take in a reply declared ISO-8859-1: Latin-1 bytes (characters
 * beyond it as references), numeric character references only, or UTF-8 bytes despite the
 * declaration. Which one the appliance uses is not known; the scripts must read all three.
 */
export type NonAsciiForm = 'latin1' | 'references' | 'utf8';

/**
 * A parameter the appliance does not keep as sent, for read-back tests: `drop` ignores it (the
 * object keeps its old value), `rewrite` stores `value` instead, `later` keeps it for the write's own
 * reply and then stores `value` (as an appliance that rewrites a value after it answers). Names
 * match whatever their case.
 */
export type Tamper =
  | { readonly param: string; readonly mode: 'drop' }
  | { readonly param: string; readonly mode: 'rewrite' | 'later'; readonly value: string };

/**
 * What an injected fault does to the call it hits: answer 500, 401 or 422; never answer (`hang`);
 * close the connection unanswered (`drop`); carry the call out and then close the connection
 * without the reply (`lost`) or halfway through it (`cut`: the headers promise the whole reply, half
 * of it comes); or answer 200 with a web page, not reaching the API (`page`: a proxy or a login
 * portal in the way); or carry the call out and answer it with its reply followed by 10 MB of an XML
 * comment, sent in chunks with no length announced (`huge`: a reply no script should read whole); or
 * carry the call out and answer it with every `<Index>` left out (`unindexed`: a listing whose
 * objects cannot be told apart, which no script may act on).
 */
export type FaultKind =
  | 'http500'
  | 'http401'
  | 'http422'
  | 'hang'
  | 'drop'
  | 'lost'
  | 'cut'
  | 'page'
  | 'huge'
  | 'unindexed';

/**
 * A fault for one call: the Nth call of the session (1-based), the next call of a command, or the
 * Nth call from now that changes the appliance ({@link WRITE_COMMANDS}). Exactly one of `call` and
 * `write` is given.
 */
export interface FaultSpec {
  /** Call number over the whole session (as in {@link Simulator.calls}) or a command name. */
  readonly call?: number | string;
  /** The Nth write call (1-based) after the fault is added: a run's last change, say. */
  readonly write?: number;
  readonly kind: FaultKind;
  /** `<Error>` text for the HTTP kinds (default: a generic text per kind). */
  readonly message?: string;
}

/** How the simulator dealt with one request. */
export type CallOutcome = 'answered' | 'dropped' | 'hung' | 'lost' | 'cut' | 'page' | 'huge' | 'rate-limited';

/** One request as logged by {@link Simulator.calls}. */
export interface CallRecord {
  /** 1-based number over the session; fault `call: n` refers to it. */
  readonly n: number;
  readonly method: string;
  /** Command name as requested (path after `/access/`). */
  readonly command: string;
  /** Query parameters as sent (the `apikey` is left out). */
  readonly params: Readonly<Record<string, string>>;
  /** HTTP status sent, or 0 when none was. */
  status: number;
  outcome: CallOutcome;
}

/** A parameter the appliance would have silently ignored. */
export interface IgnoredParam {
  /** Number of the call that carried it. */
  readonly call: number;
  readonly command: string;
  /** Name as sent. */
  readonly name: string;
  readonly value: string;
  /** Where it came from when not the query itself, e.g. `template:Exchange 2016 HTTPS`. */
  readonly source?: string;
}

/** A real server, or the settings of a SubVS's slot, inside a VS. */
export interface SimRealServer {
  /** Index of the slot, unique on the appliance (`rs=!<RsIndex>`). */
  readonly rsIndex: number;
  /** Address of a real server; empty for a SubVS slot. */
  readonly addr: string;
  /** Port of a real server; 0 for a SubVS slot. */
  readonly port: number;
  /** VSIndex of the SubVS for a SubVS slot; absent for a real server. */
  readonly subVsIndex?: number;
  /** Slot parameters under canonical names (Weight, Forward, Enable, Limit, Critical). */
  params: Record<string, string>;
  /** Content rules attached with `addrsrule`. */
  rules: string[];
}

/** A Virtual Service or SubVS. */
export interface SimVirtualService {
  readonly index: number;
  /** Address, port and protocol; a SubVS copies its parent's. */
  readonly address: string;
  readonly port: number;
  readonly prot: string;
  /** Parent's index for a SubVS, 0 otherwise. */
  readonly parent: number;
  /** VS parameters under canonical names. */
  params: Record<string, string>;
  /** Real servers and SubVS slots, in creation order. */
  members: SimRealServer[];
}

/** A global content rule. */
export interface SimRule {
  readonly name: string;
  /** Parameters under canonical names. */
  params: Record<string, string>;
}

/** An installed template: its parsed form and the file it came from. */
export interface SimStoredTemplate {
  readonly template: SimTemplate;
  readonly raw: string;
}

/** The simulator's whole in-memory state; {@link Simulator.state} returns a deep copy. */
export interface SimState {
  nextVsIndex: number;
  nextRsIndex: number;
  vss: SimVirtualService[];
  rules: SimRule[];
  globals: Record<string, string>;
  certificates: string[];
  /** SSO domain names, as created (`showdomain` writes them in capitals). */
  ssoDomains: string[];
  templates: SimStoredTemplate[];
}

/** A running simulator. */
export interface Simulator {
  /** Base URL, e.g. `https://127.0.0.1:40123`; calls go to `${url}/access/<command>`. */
  readonly url: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly apikey: string;
  /** PEM file to trust (`curl --cacert`); undefined over plain HTTP. */
  readonly caCertPath: string | undefined;
  /** The same certificate as text; undefined over plain HTTP. */
  readonly caCertPem: string | undefined;
  /** Deep copy of the state, JSON-able. */
  state(): SimState;
  /** Parameters that were ignored, in the order received. */
  ignored(): IgnoredParam[];
  /** Every request received, in order. */
  calls(): CallRecord[];
  /** Queues a fault. */
  injectFault(fault: FaultSpec): void;
  /** Fails the next call with the given kind (shorthand for a fault on the next call number). */
  failNext(kind: FaultKind, message?: string): void;
  clearFaults(): void;
  /** From now on, does not keep one parameter as sent (see {@link Tamper}); undefined stops it. */
  tamper(rule: Tamper | undefined): void;
  /** Back to a fresh appliance: state, call log, ignored list, faults and rate window. */
  reset(): void;
  /** Closes every connection (hung ones too), the server, and removes the certificate's temp dir. */
  stop(): Promise<void>;
}
