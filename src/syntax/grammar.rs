//! The pest parser and the human name of every grammar rule. Error messages say what was expected
//! in the author's terms ("a duration such as `30s` or `2h`"), never a rule name.

#![allow(missing_docs)]

use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../grammar/norma.pest"]
pub struct NormaParser;

/// What a rule stands for, in words an author of a policy knows. One exhaustive match, so a new
/// rule cannot reach an error message undescribed.
pub fn describe(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "the end of the item",
        Rule::WHITESPACE => "a space",
        Rule::COMMENT | Rule::line_comment => "a `#` comment",
        Rule::ident | Rule::reserved_name => "a name such as `在线响应` or `channel`",
        Rule::field_word | Rule::keyword_field => "a field name",
        Rule::path | Rule::field_path | Rule::exists_name => {
            "a field path such as `channel` or `customer.tier`"
        }
        Rule::set_name | Rule::set_list => {
            "a phrase set name such as `服务忌语` or `pii.mobile_cn`"
        }
        Rule::calendar_name => "a calendar name such as `营业时间` or `24x7`",
        Rule::kind_name => "an event kind such as `message`, `ring` or `event`",
        Rule::actor_name => "an actor: `customer`, `agent`, `bot`, `system` or `staff`",
        Rule::team_name => "a team name",
        Rule::string | Rule::string_body | Rule::description => "a string in double quotes",
        Rule::regex | Rule::regex_body => "a regex such as `/找.{0,4}领导/`",
        Rule::date => "a date such as `2026-10-01`",
        Rule::time => "a time of day such as `08:30`",
        Rule::duration | Rule::duration_limit => "a duration such as `30s` or `2h`",
        Rule::duration_amount => "the number of a duration",
        Rule::duration_unit => "a duration unit: `s`, `min`, `h`, `day(s)` or `workday(s)`",
        Rule::percent => "a percentage such as `80%`",
        Rule::number => "a number",
        Rule::count_integer => "a whole number",
        Rule::open_brace => "`{`",
        Rule::close_brace => "`}`",
        Rule::paren_open | Rule::list_open => "`(`",
        Rule::close_paren => "`)`",
        Rule::open_bracket | Rule::value_list => "a list such as `[\"a\", \"b\"]`",
        Rule::close_bracket => "`]`",
        Rule::comma => "`,`",
        Rule::colon => "`:`",
        Rule::equals => "`=`",
        Rule::arrow => "`=>`",
        Rule::compare_op | Rule::compare => "a comparison such as `==` or `<=`",
        Rule::keyword => "a keyword",
        Rule::kw_standard => "`standard`",
        Rule::kw_import => "`import`",
        Rule::kw_fields => "`fields`",
        Rule::kw_kinds => "`kinds`",
        Rule::kw_phrases => "`phrases`",
        Rule::kw_deadline => "`deadline`",
        Rule::kw_forbid => "`forbid`",
        Rule::kw_require => "`require`",
        Rule::kw_expect => "`expect`",
        Rule::kw_when => "`when`",
        Rule::kw_where => "`where`",
        Rule::kw_start => "`start`",
        Rule::kw_stop => "`stop`",
        Rule::kw_cancel => "`cancel`",
        Rule::kw_within => "`within`",
        Rule::kw_using => "`using`",
        Rule::kw_at => "`at`",
        Rule::kw_least => "`least`",
        Rule::kw_due => "`due`",
        Rule::kw_warn => "`warn`",
        Rule::kw_pause => "`pause`",
        Rule::kw_per => "`per`",
        Rule::kw_severity => "`severity`",
        Rule::kw_except => "`except`",
        Rule::kw_else | Rule::else_guard => "`else`",
        Rule::kw_and => "`and`",
        Rule::kw_or => "`or`",
        Rule::kw_not => "`not`",
        Rule::kw_in => "`in`",
        Rule::kw_matches | Rule::matches_regex => "`matches /regex/`",
        Rule::kw_has | Rule::has_sets => "`has SET`",
        Rule::kw_exists => "`exists`",
        Rule::kw_count => "`count`",
        Rule::kw_every => "`every`",
        Rule::kw_elapsed => "`elapsed`",
        Rule::kw_overlaps => "`overlaps`",
        Rule::kw_of => "`of`",
        Rule::kw_by => "`by`",
        Rule::kw_to => "`to`",
        Rule::kw_after => "`after`",
        Rule::kw_before => "`before`",
        Rule::kw_first => "`first`",
        Rule::kw_last => "`last`",
        Rule::kw_each => "`each`",
        Rule::kw_next => "`next`",
        Rule::kw_any => "`any`",
        Rule::kw_opened | Rule::opened => "`opened`",
        Rule::kw_true => "`true`",
        Rule::kw_false => "`false`",
        Rule::kw_one => "`one`",
        Rule::kw_then => "`then`",
        Rule::kw_assert => "`assert`",
        Rule::turn_word => "`turn`",
        Rule::customer_word => "`customer`",
        Rule::required_flag => "`required`",
        Rule::chunk | Rule::item | Rule::item_keyword => {
            "an item (`deadline`, `forbid`, `require`, `phrases`, `fields`, …)"
        }
        Rule::standard => "a standard such as `standard \"name\" { timezone \"Asia/Shanghai\" }`",
        Rule::property => {
            "a property such as `version \"2026.11\"` or `timezone \"Asia/Shanghai\"`"
        }
        Rule::import => "an import such as `import \"common/phrases.norma\"`",
        Rule::fields => "a field block `fields { … }`",
        Rule::field_decl => {
            "a field declaration such as `customer.tier: one of \"vip\" \"normal\"`"
        }
        Rule::type_expr | Rule::type_name => {
            "a type: `text`, `number`, `bool`, `time`, `duration` or `one of \"a\" \"b\"`"
        }
        Rule::one_of_type => "an enumeration such as `one of \"a\" \"b\"`",
        Rule::kinds => "a kind block such as `kinds { onsite visit }`",
        Rule::phrases => "a phrase set such as `phrases NAME { \"phrase\" /regex/ }`",
        Rule::except_group => "`except` followed by phrases",
        Rule::phrase_pattern => {
            "a phrase: a string such as `\"不知道\"` or a regex such as `/找.{0,4}领导/`"
        }
        Rule::deadline => "a deadline such as `deadline NAME { start … stop … within 2h }`",
        Rule::calendar => "a calendar such as `calendar 营业时间 { hours mon-fri 08:30-17:00 }`",
        Rule::calendar_word => "`calendar`",
        Rule::calendar_base => "`extends` and a calendar's name",
        Rule::extends_word => "`extends`",
        Rule::calendar_line => "a calendar line (`hours`, `closed`, `open` or `timezone`) or `}`",
        Rule::hours_line => "`hours` with days and times, such as `hours mon-fri 08:30-17:00`",
        Rule::hours_word => "`hours`",
        Rule::weekdays => "days of the week such as `mon-fri` or `sat, sun`",
        Rule::weekday_range => "a day or a range of days such as `mon-fri`",
        Rule::weekday => "a day of the week (`mon` `tue` `wed` `thu` `fri` `sat` `sun`)",
        Rule::time_spans => "opening hours such as `08:30-12:00, 13:30-17:00`",
        Rule::time_span => "opening hours such as `08:30-17:00` or `22:00-06:00+1`",
        Rule::next_day => "`+1` (the span ends the next day)",
        Rule::closed_line => "`closed` with a date or a range such as `2026-10-01..2026-10-07`",
        Rule::closed_word => "`closed`",
        Rule::date_range => "a date such as `2026-10-01` or a range `2026-10-01..2026-10-07`",
        Rule::open_line => {
            "`open` with a date and its hours, such as `open 2026-10-11 08:30-17:00`"
        }
        Rule::open_word => "`open`",
        Rule::timezone_line => "`timezone` and an IANA name such as `\"Asia/Shanghai\"`",
        Rule::timezone_word => "`timezone`",
        Rule::expect => {
            "an expectation such as `expect NAME { assert count(ring before answer) <= 3 }`"
        }
        Rule::clause_block => "a rule body `{ … }`",
        Rule::phrase_rule => "a phrase rule such as `forbid NAME = SET in each message by agent`",
        Rule::polarity => "`forbid` or `require`",
        Rule::rule_head => "a rule name followed by `= SET`",
        Rule::scope => "a scope such as `each message by agent` or `last 3 messages by agent`",
        Rule::last_n_selector | Rule::last_n => "a scope such as `last 3 messages by agent`",
        Rule::reserved_item | Rule::reserved_keyword => "an item of a later version",
        Rule::reserved_header => "the rest of the item's line",
        Rule::reserved_body => "a block `{ … }`",
        Rule::clause | Rule::clause_keyword => {
            "a clause (`when`, `start`, `stop`, `within`, `severity`, …)"
        }
        Rule::when_clause => "a condition such as `when channel == \"chat\"`",
        Rule::severity_clause => "a severity: `severity error`, `warning` or `info`",
        Rule::start_clause => "`start` and a selector",
        Rule::stop_clause => "`stop` and a selector",
        Rule::cancel_clause => "`cancel` and a selector",
        Rule::within_clause => "a limit such as `within 2h` or `within { … }`",
        Rule::target_table => {
            "a target table such as `{ priority == \"urgent\" => 2h  else => 24h }`"
        }
        Rule::target_arm => "a target such as `priority == \"urgent\" => 2h` or `else => 24h`",
        Rule::using_calendar => "`using` and a calendar name",
        Rule::at_least_clause => "a minimum such as `at least 3 days`",
        Rule::due_clause => "a due time such as `due (last promise).due`",
        Rule::warn_clause => "a warning share such as `warn at 80%`",
        Rule::pause_interval => {
            "`from` an event `until` another, such as `from hold until next message by agent`"
        }
        Rule::from_word => "`from`",
        Rule::until_word => "`until` and the event that ends the pause",
        Rule::pause_awaiting => "`while awaiting == \"customer\"`",
        Rule::while_word => "`while`",
        Rule::awaiting_word => "`awaiting`",
        Rule::pause_clause => "a pause such as `pause while awaiting == \"customer\"`",
        Rule::per_clause => "`per case` or `per record`",
        Rule::require_clause => "`require SEL` or `require A then B`",
        Rule::forbid_clause => "`forbid SEL`",
        Rule::assert_clause => "`assert` and a condition",
        Rule::selector | Rule::anchor | Rule::event_selector | Rule::anchor_events => {
            "a selector such as `first message by agent`"
        }
        Rule::first_of => "a choice such as `first of (answer, message by agent)`",
        Rule::customer_turns => "`each turn by customer`",
        Rule::quantifier => "`first`, `last`, `each`, `next` or `any`",
        Rule::by_actor => "`by` and an actor such as `agent`",
        Rule::to_team => "`to` and a team",
        Rule::where_filter => "a filter such as `where text has 问候语`",
        Rule::after_anchor => "`after` and a selector",
        Rule::before_anchor => "`before` and a selector",
        Rule::expr | Rule::and_expr | Rule::not_expr | Rule::comparison | Rule::operand => {
            "a condition such as `channel == \"chat\"` or `exists(first resolve)`"
        }
        Rule::in_list => "`in [ … ]`",
        Rule::exists_call => "`exists(…)`",
        Rule::count_call => "`count(…)`",
        Rule::elapsed_call => "`elapsed(…, …)`",
        Rule::overlaps_call => "`overlaps(…, …)`",
        Rule::every_expr => "`every SELECTOR has CONDITION`",
        Rule::event_field => "an event field such as `(last promise).due`",
        Rule::field_access => "`.` and a field name",
        Rule::paren_expr => "a condition in parentheses",
        Rule::boolean => "`true` or `false`",
    }
}
