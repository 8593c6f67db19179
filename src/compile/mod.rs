//! Compile: validated policy → flat IR that evaluates records without looking back at the source:
//! one phrase matcher (a single automaton over normalised text) per phrase-rule scope and per
//! `has` expression, rule metadata for reports, and what the record reader needs.

mod ignorable;
pub mod normalise;
pub mod phrases;
#[cfg(test)]
mod phrases_tests;
pub mod pii;
mod pii_numbers;
#[cfg(test)]
mod pii_tests;
mod t2s;

use chrono_tz::Tz;
use serde::Serialize;

use crate::check::Policy;
use crate::check::model::{
    ExpectDef, Expr, FieldDef, Pattern, PhraseSetDef, RuleBody, RuleDef, Selector,
};
use crate::diag::{Diagnostic, Severity};
use crate::records::ReadOptions;
use phrases::{PatternSpec, PhraseMatcher, SetSpec};

/// The `standard` block.
#[derive(Debug, Clone)]
pub struct StandardInfo {
    pub name: String,
    pub version: Option<String>,
    pub timezone: Tz,
    /// A stable hash of the policy's sources, for the `run` line.
    pub hash: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    Deadline,
    Forbid,
    Require,
    Expect,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Deadline => "deadline",
            RuleKind::Forbid => "forbid",
            RuleKind::Require => "require",
            RuleKind::Expect => "expect",
        }
    }
}

/// What reports need to know of a rule.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    pub name: String,
    pub kind: RuleKind,
    /// The standard's own words, when the rule has a description.
    pub description: Option<String>,
    pub severity: Severity,
    /// `file:line` of the rule's definition.
    pub defined_at: String,
}

/// A compiled policy: `Send + Sync`, so records can be evaluated in parallel.
pub struct CompiledPolicy {
    pub standard: StandardInfo,
    pub rules: Vec<RuleInfo>,
    pub(crate) read_options: ReadOptions,
    pub(crate) ir: Ir,
}

/// What the evaluator runs.
pub(crate) struct Ir {
    pub rules: Vec<RuleDef>,
    /// Per rule: the matcher of a phrase rule's sets (`None` for deadlines).
    pub rule_matchers: Vec<Option<PhraseMatcher>>,
    /// Per `has` id: the matcher of its sets.
    pub has_matchers: Vec<Option<PhraseMatcher>>,
    pub phrase_sets: Vec<PhraseSetDef>,
    pub fields: Vec<FieldDef>,
    /// `24x7` first, then the policy's calendars, as the rules' `calendar` indexes count them.
    pub calendars: Vec<crate::check::calendars::CalendarDef>,
}

impl CompiledPolicy {
    /// What the record reader needs: the default zone and the required fields.
    pub fn read_options(&self) -> ReadOptions {
        self.read_options.clone()
    }

    pub fn rule_index(&self, name: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.name == name)
    }

    /// A calendar by name (`24x7` included), compared after NFC.
    pub fn calendar(&self, name: &str) -> Option<&crate::time::calendar::Calendar> {
        let name = crate::check::nfc(name);
        self.ir
            .calendars
            .iter()
            .find(|c| c.name == name)
            .map(|c| &c.calendar)
    }

    /// The names of the policy's calendars, `24x7` first.
    pub fn calendar_names(&self) -> impl Iterator<Item = &str> {
        self.ir.calendars.iter().map(|c| c.name.as_str())
    }
}

/// Compiles a validated policy. Patterns were validated by `check`, so an error here is a pattern
/// the matcher still rejects (reported as E0050 without a span rather than a panic).
pub fn compile(policy: Policy) -> Result<CompiledPolicy, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut build =
        |sets: &[usize]| match PhraseMatcher::build(set_specs(&policy.phrase_sets, sets)) {
            Ok(m) => Some(m),
            Err(problems) => {
                errors.extend(problems.into_iter().map(|p| {
                    Diagnostic::new(
                        "E0050",
                        format!("a phrase pattern cannot be compiled: {}", p.message),
                    )
                    .help("fix the pattern in its phrase set")
                }));
                None
            }
        };
    let rule_matchers: Vec<Option<PhraseMatcher>> = policy
        .rules
        .iter()
        .map(|r| match &r.body {
            RuleBody::Phrase(p) => build(&p.sets),
            RuleBody::Deadline(_) | RuleBody::Expect(_) => None,
        })
        .collect();
    let mut has_sets = vec![Vec::new(); policy.has_count];
    for rule in &policy.rules {
        collect_has(rule, &mut has_sets);
    }
    let has_matchers = has_sets.iter().map(|sets| build(sets)).collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(assemble(policy, rule_matchers, has_matchers))
}

fn assemble(
    policy: Policy,
    rule_matchers: Vec<Option<PhraseMatcher>>,
    has_matchers: Vec<Option<PhraseMatcher>>,
) -> CompiledPolicy {
    let rules = policy.rules.iter().map(rule_info).collect();
    let required_fields = policy
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.path.clone())
        .collect();
    CompiledPolicy {
        standard: StandardInfo {
            name: policy.standard.name.clone(),
            version: policy.standard.version.clone(),
            timezone: policy.standard.timezone,
            hash: policy.source_hash.clone(),
        },
        rules,
        read_options: ReadOptions {
            default_timezone: policy.standard.timezone,
            required_fields,
        },
        ir: Ir {
            rules: policy.rules,
            rule_matchers,
            has_matchers,
            phrase_sets: policy.phrase_sets,
            fields: policy.fields,
            calendars: policy.calendars,
        },
    }
}

fn rule_info(rule: &RuleDef) -> RuleInfo {
    let kind = match &rule.body {
        RuleBody::Deadline(_) => RuleKind::Deadline,
        RuleBody::Phrase(p) if p.forbid => RuleKind::Forbid,
        RuleBody::Phrase(_) => RuleKind::Require,
        RuleBody::Expect(_) => RuleKind::Expect,
    };
    RuleInfo {
        name: rule.name.clone(),
        kind,
        description: rule.description.clone(),
        severity: rule.severity,
        defined_at: rule.defined_at.clone(),
    }
}

fn set_specs(all: &[PhraseSetDef], chosen: &[usize]) -> Vec<SetSpec> {
    chosen
        .iter()
        .filter_map(|i| all.get(*i))
        .map(|def| {
            let specs = |patterns: &[Pattern]| {
                patterns
                    .iter()
                    .map(|p| match p {
                        Pattern::Literal(s) => PatternSpec::Literal(s.clone()),
                        Pattern::Regex(r) => PatternSpec::Regex(r.clone()),
                    })
                    .collect()
            };
            SetSpec {
                name: def.name.clone(),
                patterns: specs(&def.patterns),
                excepts: specs(&def.excepts),
            }
        })
        .collect()
}

/// Finds every `has` expression of a rule and records its sets under its id.
fn collect_has(rule: &RuleDef, out: &mut [Vec<usize>]) {
    let mut visit = |e: &Expr| walk_expr(e, out);
    if let Some(w) = &rule.when {
        visit(w);
    }
    match &rule.body {
        RuleBody::Deadline(d) => {
            walk_selector(&d.start, out);
            for s in d.stop.iter().chain(d.cancel.iter()) {
                walk_selector(s, out);
            }
            if let Some(crate::check::model::PauseDef::Interval { from, until }) = &d.pause {
                walk_selector(from, out);
                walk_selector(until, out);
            }
            match &d.limit {
                crate::check::model::Limit::Within(arms) => {
                    for c in arms.iter().filter_map(|a| a.condition.as_ref()) {
                        walk_expr(c, out);
                    }
                }
                crate::check::model::Limit::Due(e) => walk_expr(e, out),
                crate::check::model::Limit::AtLeast(..) => {}
            }
        }
        RuleBody::Expect(e) => match e {
            ExpectDef::Require(s) | ExpectDef::Forbid(s) => walk_selector(s, out),
            ExpectDef::Sequence(steps) => steps.iter().for_each(|s| walk_selector(s, out)),
            ExpectDef::Assert(a) => walk_expr(a, out),
        },
        RuleBody::Phrase(p) => {
            if let Some(f) = &p.scope.filter {
                walk_expr(f, out);
            }
            for s in p.scope.after.iter().chain(p.scope.before.iter()) {
                walk_selector(s, out);
            }
        }
    }
}

fn walk_expr(e: &Expr, out: &mut [Vec<usize>]) {
    match e {
        Expr::Or(a, b) | Expr::And(a, b) | Expr::Compare(_, a, b) => {
            walk_expr(a, out);
            walk_expr(b, out);
        }
        Expr::Not(a) | Expr::Matches(a, _) | Expr::In { value: a, .. } => walk_expr(a, out),
        Expr::Has { value, sets, id } => {
            walk_expr(value, out);
            if let Some(slot) = out.get_mut(*id) {
                *slot = sets.clone();
            }
        }
        Expr::ExistsEvents(s) | Expr::Count(s) | Expr::EventField(s, _) => walk_selector(s, out),
        Expr::Every(s, c) => {
            walk_selector(s, out);
            walk_expr(c, out);
        }
        Expr::Elapsed(a, b) | Expr::Overlaps(a, b) => {
            walk_selector(a, out);
            walk_selector(b, out);
        }
        Expr::ExistsField(_) | Expr::Field(_) | Expr::Literal(_) => {}
    }
}

fn walk_selector(s: &Selector, out: &mut [Vec<usize>]) {
    match s {
        Selector::Opened => {}
        Selector::FirstOf(alts) => alts.iter().for_each(|a| walk_selector(a, out)),
        Selector::CustomerTurns { filter } => {
            if let Some(f) = filter {
                walk_expr(f, out);
            }
        }
        Selector::Events(e) => {
            if let Some(f) = &e.filter {
                walk_expr(f, out);
            }
            for a in e.after.iter().chain(e.before.iter()) {
                walk_selector(a, out);
            }
        }
    }
}
