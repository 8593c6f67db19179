//! The `standard` block: exactly one per policy, with a valid IANA `timezone`.

use chrono_tz::Tz;

use super::Checker;
use super::model::StandardDef;
use crate::diag::Diagnostic;
use crate::suggest::help_for;
use crate::syntax::ast;

const PROPERTIES: [&str; 3] = ["version", "timezone", "description"];

pub fn check_standard(cx: &mut Checker, items: &[&ast::Item]) -> Option<StandardDef> {
    let blocks: Vec<(&ast::Item, &ast::Standard)> = items
        .iter()
        .filter_map(|i| match &i.kind {
            ast::ItemKind::Standard(s) => Some((*i, s)),
            _ => None,
        })
        .collect();
    let Some((first_item, first)) = blocks.first() else {
        cx.report(
            Diagnostic::new("E0108", "the policy has no `standard` block")
                .help("add one, e.g. `standard \"热线客户服务标准\" { version \"2026.11\"  timezone \"Asia/Shanghai\" }`"),
        );
        return None;
    };
    for (item, _) in &blocks[1..] {
        cx.report(
            Diagnostic::new("E0109", "a policy has exactly one `standard` block")
                .at(item.span, "second `standard` block")
                .also(first_item.span, "first `standard` block")
                .help("keep one `standard` block; other files of the policy only hold rules and phrase sets"),
        );
    }
    standard_def(cx, first_item, first)
}

fn standard_def(cx: &mut Checker, item: &ast::Item, s: &ast::Standard) -> Option<StandardDef> {
    let mut version = None;
    let mut timezone = None;
    for p in &s.properties {
        match p.key.name.as_str() {
            "version" => version = Some(p.value.value.clone()),
            "timezone" => timezone = parse_zone(cx, &p.value),
            "description" => {}
            other => cx.report(
                Diagnostic::new("E0111", format!("unknown property `{other}` in `standard`"))
                    .at(p.key.span, "not a property of `standard`")
                    .help(help_for(
                        other,
                        PROPERTIES,
                        "a `standard` takes `version`, `timezone` and `description`",
                    )),
            ),
        }
    }
    let has_zone_property = s.properties.iter().any(|p| p.key.name == "timezone");
    if !has_zone_property {
        cx.report(
            Diagnostic::new("E0111", "the `standard` block has no `timezone`")
                .at(s.name.span, "this standard")
                .help("add `timezone \"Asia/Shanghai\"` (an IANA name): times without an offset are read in it"),
        );
    }
    let _ = item;
    Some(StandardDef {
        name: s.name.value.clone(),
        version,
        timezone: timezone?,
    })
}

pub fn parse_zone(cx: &mut Checker, name: &ast::Str) -> Option<Tz> {
    match name.value.parse::<Tz>() {
        Ok(tz) => Some(tz),
        Err(_) => {
            let names = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name());
            cx.report(
                Diagnostic::new("E0404", format!("unknown time zone `{}`", name.value))
                    .at(name.span, "not an IANA time zone name")
                    .help(help_for(
                        &name.value,
                        names,
                        "use an IANA name such as `Asia/Shanghai` or `Europe/London`",
                    )),
            );
            None
        }
    }
}
