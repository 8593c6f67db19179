//! The validated policy: every name resolved, every path typed, every selector legal where it is
//! used. Compile and eval work from these types and never see source text.

use chrono_tz::Tz;
use regex::Regex;

use crate::diag::Severity;
use crate::records::Actor;

#[derive(Debug, Clone)]
pub struct Policy {
    pub standard: StandardDef,
    /// `24x7` first, then the policy's calendars.
    pub calendars: Vec<super::calendars::CalendarDef>,
    pub fields: Vec<FieldDef>,
    pub phrase_sets: Vec<PhraseSetDef>,
    pub rules: Vec<RuleDef>,
    /// Number of `has` expressions; each has an id below this, for compile to attach a matcher.
    pub has_count: usize,
    /// FNV-1a hash of every source file's path and text, for the `run` line.
    pub source_hash: String,
}

#[derive(Debug, Clone)]
pub struct StandardDef {
    pub name: String,
    pub version: Option<String>,
    pub timezone: Tz,
}

/// The type of a field or an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    Text,
    Number,
    Bool,
    Time,
    Duration,
    OneOf(Vec<String>),
}

impl Type {
    pub fn describe(&self) -> String {
        match self {
            Type::Text => "text".into(),
            Type::Number => "a number".into(),
            Type::Bool => "a bool".into(),
            Type::Time => "a time".into(),
            Type::Duration => "a duration".into(),
            Type::OneOf(values) => format!("one of {}", quoted_list(values)),
        }
    }
}

pub fn quoted_list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A declared field: a record path (`customer.tier`) or an event path (`event.attrs.result`).
#[derive(Debug, Clone)]
pub struct FieldDef {
    pub path: String,
    pub ty: Type,
    pub required: bool,
    pub on_event: bool,
}

#[derive(Debug, Clone)]
pub struct PhraseSetDef {
    pub name: String,
    /// Patterns as written (for evidence) with their kind.
    pub patterns: Vec<Pattern>,
    pub excepts: Vec<Pattern>,
    /// A built-in `pii.*` set.
    pub builtin: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Pattern {
    Literal(String),
    Regex(String),
}

impl Pattern {
    /// The pattern as the policy writes it: `"不知道"` or `/找.{0,4}领导/`.
    pub fn written(&self) -> String {
        match self {
            Pattern::Literal(s) => s.clone(),
            Pattern::Regex(r) => format!("/{r}/"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RuleDef {
    pub name: String,
    pub description: Option<String>,
    pub severity: Severity,
    /// `file:line` of the definition.
    pub defined_at: String,
    pub when: Option<Expr>,
    pub body: RuleBody,
}

#[derive(Debug, Clone)]
pub enum RuleBody {
    Deadline(Box<DeadlineDef>),
    Phrase(PhraseRuleDef),
    Expect(ExpectDef),
}

/// The one clause of an `expect` rule.
#[derive(Debug, Clone)]
pub enum ExpectDef {
    /// `require SEL [after SEL] [before SEL]`: a match must lie in the window; with `after each`,
    /// one instance per anchor.
    Require(Selector),
    /// `forbid SEL …`: each match in the window violates.
    Forbid(Selector),
    /// `require A then B then C`: matches in that order, others between.
    Sequence(Vec<Selector>),
    /// `assert EXPR`: true passes, false violates, unknown is not applicable.
    Assert(Expr),
}

#[derive(Debug, Clone)]
pub struct DeadlineDef {
    pub start: Selector,
    /// `None`: the clock never stops by itself (only `at least` and `due` rules use this rarely).
    pub stop: Option<Selector>,
    pub cancel: Option<Selector>,
    pub limit: Limit,
    /// `warn at N%`, as a fraction in (0, 1).
    pub warn_at: Option<f64>,
    pub pause: Option<PauseDef>,
}

/// When a clock does not count.
#[derive(Debug, Clone)]
pub enum PauseDef {
    /// `pause from SEL until SEL`: each `from` match opens an interval the next `until` closes.
    Interval {
        from: Selector,
        until: Selector,
    },
    /// `pause while awaiting == "customer"`: from a message by agent to the next customer message
    /// (`Agent`: from a customer message to the next message by agent).
    AwaitingCustomer,
    AwaitingAgent,
}

#[derive(Debug, Clone)]
pub enum Limit {
    /// `within D` or a target table; a plain `within D` is a table with one `else` arm.
    Within(Vec<TargetArm>),
    /// The minimum (an arm without a condition).
    AtLeast(TargetArm),
    Due(Expr),
}

#[derive(Debug, Clone)]
pub struct TargetArm {
    pub condition: Option<Expr>,
    pub length: Length,
    /// Index into `Policy::calendars` of the calendar time is counted on (0: `24x7`).
    pub calendar: usize,
    /// The duration as written (`60s`, `1 day`), for findings.
    pub written: String,
    /// The condition as written, for findings (`else` for the last arm).
    pub label: String,
}

/// A length of time in the language's units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// Elapsed seconds.
    Seconds(i64),
    /// Civil-code days: due at 24:00 of the Nth day after the start's local date.
    Days(u32),
    /// Working days of a calendar: due at the last close of the Nth working day.
    Workdays(u32),
}

impl Length {
    pub fn human(&self) -> String {
        match self {
            Length::Seconds(s) => crate::time::duration::human(*s),
            Length::Days(1) => "1 day".to_string(),
            Length::Days(n) => format!("{n} days"),
            Length::Workdays(1) => "1 workday".to_string(),
            Length::Workdays(n) => format!("{n} workdays"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct PhraseRuleDef {
    pub forbid: bool,
    /// Indexes into `Policy::phrase_sets`.
    pub sets: Vec<usize>,
    pub scope: Scope,
}

#[derive(Debug, Clone)]
pub struct Scope {
    pub quantifier: ScopeQuantifier,
    /// `None`: messages by anyone (system messages are never in a scope).
    pub actor: Option<ActorSel>,
    /// The scope's reason when empty, e.g. `no message by agent`.
    pub empty_reason: String,
    pub filter: Option<Expr>,
    pub after: Option<Box<Selector>>,
    pub before: Option<Box<Selector>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeQuantifier {
    Each,
    Any,
    First,
    Last,
    LastN(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorSel {
    Customer,
    Agent,
    Bot,
    System,
    Staff,
}

impl ActorSel {
    pub fn matches(self, actor: Actor) -> bool {
        match self {
            ActorSel::Customer => actor == Actor::Customer,
            ActorSel::Agent => actor == Actor::Agent,
            ActorSel::Bot => actor == Actor::Bot,
            ActorSel::System => actor == Actor::System,
            ActorSel::Staff => actor.is_staff(),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Selector {
    Opened,
    Events(EventSelector),
    FirstOf(Vec<Selector>),
    CustomerTurns { filter: Option<Box<Expr>> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantifier {
    /// Unquantified: the first match where one point is needed, every match where a set is.
    Plain,
    First,
    Last,
    Each,
    Next,
}

#[derive(Debug, Clone)]
pub struct EventSelector {
    pub quantifier: Quantifier,
    /// `None` for `event` (any kind).
    pub kind: Option<String>,
    pub actor: Option<ActorSel>,
    pub filter: Option<Box<Expr>>,
    pub after: Option<Box<Selector>>,
    pub before: Option<Box<Selector>>,
}

/// A field reference, resolved: on the record or on the event in context.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldRef {
    pub path: Vec<String>,
    pub on_event: bool,
    pub ty: Type,
}

impl FieldRef {
    pub fn dotted(&self) -> String {
        self.path.join(".")
    }
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

#[derive(Debug, Clone)]
pub enum Literal {
    Text(String),
    Number(f64),
    Bool(bool),
    /// Seconds.
    Duration(i64),
}

#[derive(Debug, Clone)]
pub enum Expr {
    Or(Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Compare(CompareOp, Box<Expr>, Box<Expr>),
    In {
        value: Box<Expr>,
        list: Vec<Literal>,
        negated: bool,
    },
    Matches(Box<Expr>, Regex),
    /// `PATH has SET…`: `id` indexes the matcher compile builds for these sets.
    Has {
        value: Box<Expr>,
        sets: Vec<usize>,
        id: usize,
    },
    ExistsField(FieldRef),
    ExistsEvents(Selector),
    Count(Selector),
    EventField(Selector, FieldRef),
    Every(Selector, Box<Expr>),
    Elapsed(Selector, Selector),
    Overlaps(Selector, Selector),
    Field(FieldRef),
    Literal(Literal),
}
