//! The abstract syntax tree of one `.norma` file. Every node carries its span; comments are attached
//! to the nodes they belong to so a formatter can reprint them. Nothing here is resolved or checked:
//! names are plain identifiers, and `src/check` decides what they mean.

use crate::diag::Span;

/// A `#` comment: its text without the `#` and without the line end.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub text: String,
    pub span: Span,
}

/// Comments attached to a node: the lines just above it (after the previous sibling), and a comment
/// on the same line after it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comments {
    pub leading: Vec<Comment>,
    pub trailing: Option<Comment>,
}

/// An identifier (Unicode, NFC-compared by `check`) or a keyword-free name such as `24x7`.
#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A string literal with escapes resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Str {
    pub value: String,
    pub span: Span,
}

/// A regex literal `/…/`: the pattern between the slashes, with `\/` unescaped to `/`.
#[derive(Debug, Clone, PartialEq)]
pub struct RegexLit {
    pub pattern: String,
    pub span: Span,
}

/// A duration literal as written: the amount and the unit word, unchecked (`check` rejects `d`,
/// `m` and unknown units with E04xx codes).
#[derive(Debug, Clone, PartialEq)]
pub struct DurationLit {
    pub amount: u64,
    pub unit: String,
    pub span: Span,
}

/// One parsed file.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub items: Vec<Item>,
    /// Comments after the last item (or in a file without items).
    pub trailing_comments: Vec<Comment>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    pub span: Span,
    pub comments: Comments,
}

// Items are built once per file and matched everywhere; boxing the larger variants would add
// indirection to every match for no measurable gain.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    Standard(Standard),
    Import(Str),
    Fields(Fields),
    Kinds(Kinds),
    Phrases(PhraseSet),
    Deadline(Rule),
    /// `expect NAME { … }`: one `require`, `forbid` or `assert` clause over the record's events.
    Expect(Rule),
    /// `calendar NAME { hours … closed … open … }`: when the service is open.
    Calendar(Calendar),
    /// `forbid …` and `require …`, full or short form.
    PhraseRule(PhraseRule),
    /// Items whose syntax later versions define (`calendar`, `team`, `escalation`,
    /// `escalate`, `ownership`, `scorecard`, `audit`, `measure`). They parse so the rest of a file
    /// can be checked; `check` reports each as not supported yet.
    Reserved(ReservedItem),
}

/// `standard "name" { version "…" timezone "…" }`
#[derive(Debug, Clone, PartialEq)]
pub struct Standard {
    pub name: Str,
    pub properties: Vec<Property>,
    /// Comments inside the braces after the last property.
    pub inner_comments: Vec<Comment>,
}

/// `key "value"` inside a `standard` block.
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    pub key: Ident,
    pub value: Str,
    pub span: Span,
    pub comments: Comments,
}

/// `fields { … }`
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    pub decls: Vec<FieldDecl>,
    pub inner_comments: Vec<Comment>,
}

/// `customer.tier: one of "vip" "normal" required`
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDecl {
    pub path: Path,
    pub ty: TypeExpr,
    /// The span of the `required` keyword when present.
    pub required: Option<Span>,
    pub span: Span,
    pub comments: Comments,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TypeExpr {
    /// `text`, `number`, `bool`, `time`, `duration` (or an unknown word, which `check` reports).
    Named(Ident),
    /// `one of "a" "b" …`
    OneOf(Vec<Str>, Span),
}

/// `kinds { onsite visit notice }`
#[derive(Debug, Clone, PartialEq)]
pub struct Kinds {
    pub kinds: Vec<Ident>,
    pub inner_comments: Vec<Comment>,
}

/// A dotted path: `customer.tier`, `attrs.in_warranty`, `event.attrs.result`, `text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub segments: Vec<Ident>,
    pub span: Span,
}

impl Path {
    /// The path as written, segments joined by `.`.
    pub fn dotted(&self) -> String {
        self.segments
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// `phrases NAME ["description"] { "literal" /regex/ … except "literal" … }`
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseSet {
    pub name: Ident,
    pub description: Option<Str>,
    pub patterns: Vec<PhrasePattern>,
    /// Patterns after `except`; several `except` groups are merged in order.
    pub excepts: Vec<PhrasePattern>,
    pub inner_comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhrasePattern {
    pub kind: PatternKind,
    pub span: Span,
    pub comments: Comments,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PatternKind {
    Literal(Str),
    Regex(RegexLit),
}

/// A rule with a clause body: `deadline NAME ["description"] { clause… }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub name: Ident,
    pub description: Option<Str>,
    pub clauses: Vec<Clause>,
    pub inner_comments: Vec<Comment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    Forbid,
    Require,
}

/// `forbid NAME ["desc"] = SET, SET in SCOPE [{ clause… }]` or the short form `forbid SET in SCOPE`.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseRule {
    pub polarity: Polarity,
    /// `None` in the short form, where the rule takes its set's name.
    pub name: Option<Ident>,
    pub description: Option<Str>,
    pub sets: Vec<Ident>,
    pub scope: Selector,
    /// The optional `{ … }` body: `when`, `severity`.
    pub clauses: Vec<Clause>,
    pub inner_comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub kind: ClauseKind,
    pub span: Span,
    pub comments: Comments,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClauseKind {
    When(Expr),
    /// `severity error|warning|info` (the word unchecked).
    Severity(Ident),
    Start(Selector),
    Stop(Selector),
    Cancel(Selector),
    /// `within D [using CAL]` or `within { arms }`.
    Within(Limit),
    /// `at least D [using CAL]`
    AtLeast(DurationLimit),
    /// `due EXPR`
    Due(Expr),
    /// `warn at N%`
    WarnAt(Percent),
    /// `pause from SEL until SEL` / `pause while awaiting == "customer"`.
    Pause(Box<Pause>),
    /// `per case` / `per record` (cases; parsed, not yet supported).
    Per(Ident),
    /// `require SEL` in an `expect`; several selectors for `require A then B then C`.
    Require(Vec<Selector>),
    /// `forbid SEL` in an `expect`.
    Forbid(Selector),
    /// `assert EXPR` in an `expect`.
    Assert(Expr),
}

/// `calendar NAME ["desc"] [extends BASE] { line… }`
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    pub name: Ident,
    pub description: Option<Str>,
    pub extends: Option<Ident>,
    pub lines: Vec<CalendarLine>,
    pub inner_comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CalendarLine {
    pub kind: CalendarLineKind,
    pub span: Span,
    pub comments: Comments,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CalendarLineKind {
    /// `hours mon-fri 08:30-12:00, 13:30-17:00`: days (ranges inclusive) and their spans.
    Hours {
        days: Vec<WeekdayRange>,
        spans: Vec<TimeSpan>,
    },
    /// `closed 2026-10-01..2026-10-07 "国庆节"` (dates as written, `YYYY-MM-DD`).
    Closed {
        from: String,
        to: Option<String>,
        label: Option<Str>,
        dates_span: Span,
    },
    /// `open 2026-10-11 08:30-17:00 "调休"`: a make-up working day with its own hours.
    Open {
        date: String,
        spans: Vec<TimeSpan>,
        label: Option<Str>,
        date_span: Span,
    },
    /// `timezone "Europe/London"`
    Timezone(Str),
}

/// `mon-fri` or `sat` (three-letter English names).
#[derive(Debug, Clone, PartialEq)]
pub struct WeekdayRange {
    pub from: String,
    pub to: Option<String>,
    pub span: Span,
}

/// `08:30-17:00`, or `22:00-06:00+1` ending the next day.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeSpan {
    pub start: String,
    pub end: String,
    pub next_day: bool,
    pub span: Span,
}

/// What stops a clock for a while. Boxed in `ClauseKind`; its two shapes differ in size, which
/// does not matter for a node built once per clause.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Pause {
    /// `from SEL until SEL`
    Interval { from: Selector, until: Selector },
    /// `while awaiting OP "party"` (`check` accepts only `==` and `customer` or `agent`).
    Awaiting {
        op: CompareOp,
        op_span: Span,
        party: Str,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Percent {
    /// The number before `%`, as written (`80`, `12.5`).
    pub value: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DurationLimit {
    pub duration: DurationLit,
    pub calendar: Option<Ident>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Limit {
    Fixed(DurationLimit),
    /// `within { COND => D [using CAL]  …  else => D }`, arms in order.
    Table(TargetTable),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetTable {
    pub arms: Vec<TargetArm>,
    pub span: Span,
    pub inner_comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetArm {
    /// `None` for the `else` arm.
    pub condition: Option<Expr>,
    pub limit: DurationLimit,
    pub span: Span,
    pub comments: Comments,
}

/// Event selectors (LANGUAGE.md § Event selectors) and phrase-rule scopes.
#[derive(Debug, Clone, PartialEq)]
pub enum Selector {
    /// `opened`: the record's opening instant.
    Opened(Span),
    Events(EventSelector),
    /// `first of (SEL, …)`
    FirstOf(Vec<Selector>, Span),
    /// `each turn by customer [where EXPR]`
    CustomerTurns {
        filter: Option<Box<Expr>>,
        span: Span,
    },
}

impl Selector {
    pub fn span(&self) -> Span {
        match self {
            Selector::Opened(s) | Selector::FirstOf(_, s) => *s,
            Selector::Events(e) => e.span,
            Selector::CustomerTurns { span, .. } => *span,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventSelector {
    pub quantifier: Option<Quantifier>,
    /// A kind name, or `event` for any kind; the plural `messages` only after `last N`.
    pub kind: Ident,
    pub by: Option<Ident>,
    pub to: Option<Ident>,
    pub filter: Option<Box<Expr>>,
    pub after: Option<Box<Selector>>,
    pub before: Option<Box<Selector>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Quantifier {
    First(Span),
    Last(Span),
    Each(Span),
    Next(Span),
    Any(Span),
    /// `last N messages`
    LastN(u32, Span),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Or(Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Compare(CompareOp, Box<Expr>, Box<Expr>),
    /// `x in [..]` (`negated`: `not in`)
    In {
        value: Box<Expr>,
        list: Vec<Expr>,
        negated: bool,
    },
    /// `PATH matches /re/`
    Matches(Box<Expr>, RegexLit),
    /// `PATH has SET, SET`
    Has(Box<Expr>, Vec<Ident>),
    /// `exists(X)`: a path or a selector; a bare name is resolved by `check` (kind or field).
    Exists(Box<SelectorOrPath>),
    Count(Box<Selector>),
    /// `(SEL).field`
    EventField(Box<Selector>, Path),
    /// `every SEL has EXPR`
    Every(Box<Selector>, Box<Expr>),
    Elapsed(Box<Selector>, Box<Selector>),
    Overlaps(Box<Selector>, Box<Selector>),
    Path(Path),
    Str(Str),
    /// A number as written; exact.
    Number(String),
    Bool(bool),
    Duration(DurationLit),
    Percent(Percent),
    /// `2026-10-01`
    Date(String),
    /// `08:30`
    Time(String),
}

/// The argument of `exists(…)`.
#[derive(Debug, Clone, PartialEq)]
pub enum SelectorOrPath {
    /// A bare or dotted name with nothing else: a kind (`exists(hangup)`) or a field
    /// (`exists(customer.account_manager)`), decided by `check`.
    Name(Path),
    Selector(Selector),
}

/// An item whose syntax is reserved for a later version: its keyword, its name if it has one, and
/// the whole span (a balanced `{ … }` body included).
#[derive(Debug, Clone, PartialEq)]
pub struct ReservedItem {
    pub keyword: Ident,
    pub name: Option<Ident>,
    /// The source text of the item, kept verbatim so a formatter can reprint it unchanged.
    pub text: String,
}
