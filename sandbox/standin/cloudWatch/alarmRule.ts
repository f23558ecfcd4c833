import { AwsError } from '../protocol';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** A composite alarm's `AlarmRule`, parsed. */
export type RuleNode =
  | { readonly kind: 'state'; readonly state: AlarmState; readonly alarm: string }
  | { readonly kind: 'constant'; readonly value: boolean }
  | { readonly kind: 'not'; readonly operand: RuleNode }
  | { readonly kind: 'and' | 'or'; readonly left: RuleNode; readonly right: RuleNode };

const STATE_FUNCTIONS: ReadonlySet<string> = new Set(['ALARM', 'OK', 'INSUFFICIENT_DATA']);
const ALARM_ARN = /^arn:[^:]+:cloudwatch:[^:]*:[^:]*:alarm:(.+)$/;

interface Token {
  readonly kind: 'word' | 'lparen' | 'rparen' | 'end';
  readonly text: string;
  readonly offset: number;
}

function invalidRule(message: string): AwsError {
  return new AwsError('InvalidParameterValueException', `Error in alarm rule: ${message}`, 400, {}, 'InvalidParameterValue');
}

/** The alarm name a rule refers to: names may be given as alarm ARNs. */
export function alarmNameOf(reference: string): string {
  return ALARM_ARN.exec(reference)?.[1] ?? reference;
}

/**
 * Parses an alarm rule: `ALARM(x)`, `OK("x")`, `INSUFFICIENT_DATA(arn…)`, `TRUE`, `FALSE`, `NOT`, `AND`, `OR`
 * and parentheses. NOT binds tightest, then AND, then OR.
 */
export function parseAlarmRule(text: string): RuleNode {
  const parser = new RuleParser(text);
  const node = parser.parseOr();
  parser.expectEnd();
  return node;
}

class RuleParser {
  private pos = 0;
  private lookahead: Token;

  constructor(private readonly text: string) {
    if (text.trim() === '') throw invalidRule('the rule is empty');
    this.lookahead = this.scan();
  }

  parseOr(): RuleNode {
    let left = this.parseAnd();
    while (this.isWord('OR')) {
      this.advance();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  expectEnd(): void {
    if (this.lookahead.kind !== 'end') throw this.unexpected();
  }

  private parseAnd(): RuleNode {
    let left = this.parseUnary();
    while (this.isWord('AND')) {
      this.advance();
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): RuleNode {
    if (this.isWord('NOT')) {
      this.advance();
      return { kind: 'not', operand: this.parseUnary() };
    }
    const token = this.lookahead;
    if (token.kind === 'lparen') {
      this.advance();
      const inner = this.parseOr();
      if (this.lookahead.kind !== 'rparen') throw this.unexpected();
      this.advance();
      return inner;
    }
    if (token.kind === 'word' && (token.text === 'TRUE' || token.text === 'FALSE')) {
      this.advance();
      return { kind: 'constant', value: token.text === 'TRUE' };
    }
    if (token.kind === 'word' && STATE_FUNCTIONS.has(token.text)) {
      if (this.text[this.pos] !== '(' && this.text.slice(this.pos).trimStart()[0] !== '(') throw invalidRule(`expected '(' after ${token.text}`);
      const alarm = this.readAlarmReference();
      this.lookahead = this.scan();
      return { kind: 'state', state: token.text as AlarmState, alarm: alarmNameOf(alarm) };
    }
    throw this.unexpected();
  }

  /** Reads `( name )` or `( "name" )` straight from the text, since bare names may hold any character but `)`. */
  private readAlarmReference(): string {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t' || this.text[this.pos] === '\n' || this.text[this.pos] === '\r') this.pos++;
    this.pos++; // '('
    while (this.text[this.pos] === ' ') this.pos++;
    let name: string;
    if (this.text[this.pos] === '"') {
      const close = this.text.indexOf('"', this.pos + 1);
      if (close < 0) throw invalidRule(`unterminated quoted alarm name at position ${this.pos + 1}`);
      name = this.text.slice(this.pos + 1, close);
      this.pos = close + 1;
      while (this.text[this.pos] === ' ') this.pos++;
      if (this.text[this.pos] !== ')') throw invalidRule(`expected ')' at position ${this.pos + 1}`);
    } else {
      const close = this.text.indexOf(')', this.pos);
      if (close < 0) throw invalidRule(`missing ')' after position ${this.pos}`);
      name = this.text.slice(this.pos, close).trim();
      this.pos = close;
    }
    this.pos++; // ')'
    if (name === '') throw invalidRule(`empty alarm name at position ${this.pos}`);
    return name;
  }

  private isWord(word: string): boolean {
    return this.lookahead.kind === 'word' && this.lookahead.text === word;
  }

  private advance(): void {
    this.lookahead = this.scan();
  }

  private unexpected(): AwsError {
    const t = this.lookahead;
    return t.kind === 'end' ? invalidRule('unexpected end of the rule') : invalidRule(`unexpected '${t.text}' at position ${t.offset + 1}`);
  }

  private scan(): Token {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos++;
    const offset = this.pos;
    const ch = this.text[this.pos];
    if (ch === undefined) return { kind: 'end', text: '', offset };
    if (ch === '(' || ch === ')') {
      this.pos++;
      return { kind: ch === '(' ? 'lparen' : 'rparen', text: ch, offset };
    }
    const word = /^[A-Za-z_]+/.exec(this.text.slice(this.pos));
    if (!word) throw invalidRule(`unexpected '${ch}' at position ${offset + 1}`);
    this.pos += word[0].length;
    return { kind: 'word', text: word[0], offset };
  }
}

/** Every alarm name a rule refers to, in order of first mention. */
export function ruleAlarms(node: RuleNode, into: string[] = []): string[] {
  switch (node.kind) {
    case 'state':
      if (!into.includes(node.alarm)) into.push(node.alarm);
      break;
    case 'not':
      ruleAlarms(node.operand, into);
      break;
    case 'and':
    case 'or':
      ruleAlarms(node.left, into);
      ruleAlarms(node.right, into);
      break;
    case 'constant':
      break;
  }
  return into;
}

export interface RuleOutcome {
  readonly state: AlarmState;
  /** Alarms whose state made the outcome what it is (for ALARM: the functions that held; otherwise the unknown or failing ones). */
  readonly triggering: string[];
}

/**
 * Evaluates a rule against the states of the alarms it names, in three-valued logic: `ALARM(x)` and `OK(x)`
 * are unknown while x is INSUFFICIENT_DATA (or missing), `INSUFFICIENT_DATA(x)` is always known. A rule
 * that comes out TRUE is ALARM, FALSE is OK, and unknown — the insufficient children decide it — is
 * INSUFFICIENT_DATA.
 */
export function evaluateAlarmRule(node: RuleNode, stateOf: (alarm: string) => AlarmState | undefined): RuleOutcome {
  const value = evaluate(node, stateOf);
  const state: AlarmState = value === undefined ? 'INSUFFICIENT_DATA' : value ? 'ALARM' : 'OK';
  const triggering: string[] = [];
  collectTriggering(node, stateOf, value, true, triggering);
  return { state, triggering };
}

type Tri = boolean | undefined;

function evaluate(node: RuleNode, stateOf: (alarm: string) => AlarmState | undefined): Tri {
  switch (node.kind) {
    case 'constant':
      return node.value;
    case 'state': {
      const actual = stateOf(node.alarm);
      if (node.state === 'INSUFFICIENT_DATA') return actual === undefined ? undefined : actual === 'INSUFFICIENT_DATA';
      if (actual === undefined || actual === 'INSUFFICIENT_DATA') return undefined;
      return actual === node.state;
    }
    case 'not': {
      const v = evaluate(node.operand, stateOf);
      return v === undefined ? undefined : !v;
    }
    case 'and': {
      const l = evaluate(node.left, stateOf);
      const r = evaluate(node.right, stateOf);
      if (l === false || r === false) return false;
      return l === undefined || r === undefined ? undefined : true;
    }
    case 'or': {
      const l = evaluate(node.left, stateOf);
      const r = evaluate(node.right, stateOf);
      if (l === true || r === true) return true;
      return l === undefined || r === undefined ? undefined : false;
    }
  }
}

/** Collects the alarms whose functions evaluated to the value that decided the outcome (`target`), through NOTs. */
function collectTriggering(node: RuleNode, stateOf: (alarm: string) => AlarmState | undefined, target: Tri, positive: boolean, into: string[]): void {
  switch (node.kind) {
    case 'constant':
      return;
    case 'state': {
      const v = evaluate(node, stateOf);
      const wanted = target === undefined ? undefined : positive ? target : !target;
      if (v === wanted && !into.includes(node.alarm)) into.push(node.alarm);
      return;
    }
    case 'not':
      collectTriggering(node.operand, stateOf, target, !positive, into);
      return;
    case 'and':
    case 'or':
      collectTriggering(node.left, stateOf, target, positive, into);
      collectTriggering(node.right, stateOf, target, positive, into);
      return;
  }
}
