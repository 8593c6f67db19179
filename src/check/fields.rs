//! Fields: the `fields` declarations, the built-in record and event fields, and resolving a path
//! written in an expression to a typed field of the record or of the event in context.

use std::collections::HashMap;

use super::Checker;
use super::model::{FieldDef, FieldRef, Type};
use crate::diag::Diagnostic;
use crate::suggest::help_for;
use crate::syntax::ast;

/// Record fields every policy knows; text unless a `fields` declaration narrows them.
const BUILTIN_RECORD: [&str; 6] = [
    "id",
    "channel",
    "category",
    "priority",
    "case",
    "customer.id",
];

/// An event's own fields, bare in `where`, `has` and after `(SEL).`.
fn event_field_type(name: &str) -> Option<Type> {
    Some(match name {
        "text" | "agent" | "team" | "kind" | "from" | "to" => Type::Text,
        "actor" => Type::OneOf(
            ["customer", "agent", "bot", "system"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        ),
        "at" | "due" | "end" => Type::Time,
        "score" => Type::Number,
        _ => return None,
    })
}

const EVENT_FIELDS: [&str; 11] = [
    "text", "agent", "team", "kind", "from", "to", "actor", "at", "due", "end", "score",
];

#[derive(Debug, Default)]
pub struct FieldTable {
    pub defs: Vec<FieldDef>,
    by_path: HashMap<String, usize>,
}

impl FieldTable {
    fn record_type(&self, path: &str) -> Option<Type> {
        if let Some(i) = self.by_path.get(path) {
            let def = &self.defs[*i];
            return (!def.on_event).then(|| def.ty.clone());
        }
        BUILTIN_RECORD.contains(&path).then_some(Type::Text)
    }

    fn event_attr_type(&self, path: &str) -> Option<Type> {
        let i = self.by_path.get(path)?;
        let def = &self.defs[*i];
        def.on_event.then(|| def.ty.clone())
    }

    fn record_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = BUILTIN_RECORD.iter().map(|s| s.to_string()).collect();
        paths.extend(
            self.defs
                .iter()
                .filter(|d| !d.on_event)
                .map(|d| d.path.clone()),
        );
        paths
    }

    fn event_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = EVENT_FIELDS.iter().map(|s| s.to_string()).collect();
        paths.extend(
            self.defs
                .iter()
                .filter(|d| d.on_event)
                .map(|d| d.path.clone()),
        );
        paths
    }
}

pub fn declare_fields(cx: &mut Checker, items: &[&ast::Item]) -> FieldTable {
    let mut table = FieldTable::default();
    let mut spans = HashMap::new();
    for item in items {
        let ast::ItemKind::Fields(fields) = &item.kind else {
            continue;
        };
        for decl in &fields.decls {
            let path = decl.path.dotted();
            if let Some(first) = spans.get(&path) {
                cx.report(
                    Diagnostic::new("E0102", format!("the field `{path}` is declared twice"))
                        .at(decl.path.span, "declared again here")
                        .also(*first, "first declared here")
                        .help("keep one declaration of each field"),
                );
                continue;
            }
            spans.insert(path.clone(), decl.path.span);
            if let Some(def) = field_def(cx, decl, &path) {
                table.by_path.insert(path, table.defs.len());
                table.defs.push(def);
            }
        }
    }
    table
}

fn field_def(cx: &mut Checker, decl: &ast::FieldDecl, path: &str) -> Option<FieldDef> {
    let on_event = path.starts_with("event.attrs.");
    let allowed = BUILTIN_RECORD.contains(&path)
        || path.starts_with("customer.")
        || path.starts_with("attrs.")
        || on_event;
    if !allowed {
        cx.report(
            Diagnostic::new("E0208", format!("`{path}` cannot be declared"))
                .at(decl.path.span, "not a built-in field, nor under `customer.`, `attrs.` or `event.attrs.`")
                .help("custom fields live under `customer.*`, `attrs.*` (the record) or `event.attrs.*` (each event)"),
        );
        return None;
    }
    if let (true, Some(span)) = (on_event, decl.required) {
        cx.report(
            Diagnostic::new(
                "E0208",
                format!("an event field cannot be `required`: `{path}`"),
            )
            .at(span, "`required` is only for record fields")
            .help("remove `required`; a rule reading a missing event field treats it as unknown"),
        );
    }
    let ty = declared_type(cx, &decl.ty)?;
    Some(FieldDef {
        path: path.to_string(),
        ty,
        required: decl.required.is_some() && !on_event,
        on_event,
    })
}

fn declared_type(cx: &mut Checker, ty: &ast::TypeExpr) -> Option<Type> {
    match ty {
        ast::TypeExpr::OneOf(values, _) => Some(Type::OneOf(
            values.iter().map(|v| v.value.clone()).collect(),
        )),
        ast::TypeExpr::Named(name) => {
            match name.name.as_str() {
                "text" => Some(Type::Text),
                "number" => Some(Type::Number),
                "bool" => Some(Type::Bool),
                "time" => Some(Type::Time),
                "duration" => Some(Type::Duration),
                other => {
                    let types = ["text", "number", "bool", "time", "duration"];
                    cx.report(
                    Diagnostic::new("E0208", format!("unknown field type `{other}`"))
                        .at(name.span, "not a field type")
                        .help(help_for(other, types, "types are text, number, bool, time, duration and `one of \"a\" \"b\"`")),
                );
                    None
                }
            }
        }
    }
}

/// Where a path is read: in a record context (`when`, target arms, `due`) or an event context
/// (`where`, `every … has`, after `(SEL).`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Record,
    Event,
    /// After `(SEL).`: only the event's own fields and attributes.
    EventOnly,
}

/// Resolves a written path; reports E0201 (unknown) or E0213 (event field outside an event).
pub fn resolve(cx: &mut Checker, path: &ast::Path, context: Context) -> Option<FieldRef> {
    let dotted = path.dotted();
    let segments: Vec<String> = path.segments.iter().map(|s| s.name.clone()).collect();
    let event_ref = |segments: Vec<String>, ty| FieldRef {
        path: segments,
        on_event: true,
        ty,
    };
    if context != Context::Record {
        if let Some(ty) = (segments.len() == 1)
            .then(|| event_field_type(&dotted))
            .flatten()
        {
            return Some(event_ref(segments, ty));
        }
        if let Some(ty) = cx.fields.event_attr_type(&dotted) {
            return Some(event_ref(segments[1..].to_vec(), ty));
        }
        if context == Context::Event
            && let Some(ty) = cx.fields.record_type(&dotted)
        {
            return Some(FieldRef {
                path: segments,
                on_event: false,
                ty,
            });
        }
        let candidates = cx.fields.event_paths();
        unknown(cx, path, &dotted, candidates, "an event field");
        return None;
    }
    if let Some(ty) = cx.fields.record_type(&dotted) {
        return Some(FieldRef {
            path: segments,
            on_event: false,
            ty,
        });
    }
    if event_field_type(&dotted).is_some() || dotted.starts_with("event.") {
        cx.report(
            Diagnostic::new("E0212", format!("`{dotted}` is a field of an event, read here outside one"))
                .at(path.span, "no event is in context here")
                .help("read event fields in a `where` filter, or from a selected event: `(last promise).due`"),
        );
        return None;
    }
    let candidates = cx.fields.record_paths();
    unknown(cx, path, &dotted, candidates, "a record field");
    None
}

fn unknown(cx: &mut Checker, path: &ast::Path, dotted: &str, candidates: Vec<String>, what: &str) {
    let fallback = format!(
        "declare it in a `fields {{ … }}` block, e.g. `{dotted}: text` (every path a rule reads is declared)"
    );
    let help = help_for(dotted, candidates.iter().map(String::as_str), &fallback);
    cx.report(
        Diagnostic::new("E0201", format!("unknown field `{dotted}`"))
            .at(path.span, format!("not {what} this policy declares"))
            .help(help),
    );
}
