//! End-to-end throughput of `norma lint` on the shipped policy: synthetic chat records (made here,
//! deterministically) go through the real CLI path (read → evaluate in parallel → JSON Lines), and
//! the evaluation alone is timed on one thread. Peak memory is the process's high-water mark.
//!
//! `cargo bench --bench lint` (figures in docs/performance.md); `NORMA_BENCH_RECORDS=N` changes the
//! number of records (default 50,000).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

const CUSTOMER: [&str; 4] = [
    "在吗？宽带又断了",
    "我的订单还没发货",
    "话费扣错了，能查一下吗",
    "好的，谢谢",
];
const AGENT: [&str; 5] = [
    "您好，我来帮您查一下。",
    "这个不归我管，您找别的部门。",
    "已经为您处理好了，请问还有别的问题吗？",
    "对不起让您久等了，马上为您处理。",
    "感谢您的耐心，再见！",
];

/// A deterministic chat record: turns alternate, replies take 10–80 s (some late), phrases vary.
fn record(i: usize) -> String {
    let mut events = Vec::new();
    let mut t = 9 * 3600 + (i % 30_000);
    let turns = 3 + i % 5;
    for turn in 0..turns {
        let c = CUSTOMER[(i + turn) % CUSTOMER.len()];
        events.push(event(t, "customer", c));
        t += 10 + (i * 7 + turn * 13) % 71;
        let a = AGENT[(i + turn * 3) % AGENT.len()];
        events.push(event(t, "agent", a));
        t += 20;
    }
    let fault = ["company", "customer", "third_party"][i % 3];
    format!(
        "{{\"id\": \"B-{i}\", \"channel\": \"chat\", \"attrs\": {{\"fault_party\": \"{fault}\"}}, \"events\": [{}]}}\n",
        events.join(", ")
    )
}

fn event(seconds: usize, actor: &str, text: &str) -> String {
    let (h, m, s) = (seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
    let agent = if actor == "agent" {
        ", \"agent\": \"A-1\""
    } else {
        ""
    };
    format!(
        "{{\"at\": \"2026-11-05T{h:02}:{m:02}:{s:02}\", \"actor\": \"{actor}\"{agent}, \"kind\": \"message\", \"text\": \"{text}\"}}"
    )
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let n: usize = std::env::var("NORMA_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file: PathBuf =
        std::env::temp_dir().join(format!("norma-bench-{}.jsonl", std::process::id()));
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("temp file"));
        for i in 0..n {
            out.write_all(record(i).as_bytes()).expect("write");
        }
    }
    let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);

    let policies = repo.join("policies");
    let started = Instant::now();
    let mut sink = std::io::sink();
    let mut err = Vec::new();
    let mut io = norma::cli::Io {
        out: &mut sink,
        err: &mut err,
        colour_out: false,
        colour_err: false,
    };
    let args = [
        "norma",
        "lint",
        "--policy",
        policies.to_str().unwrap(),
        "--format",
        "json",
        file.to_str().unwrap(),
    ];
    let code = norma::cli::run(args, &mut io);
    let cli_s = started.elapsed().as_secs_f64();
    let cli_peak = peak_memory_kib();

    let started = Instant::now();
    let loaded = norma::load_policy(&[repo.join("policies")], None);
    let load_ms = started.elapsed().as_secs_f64() * 1e3;
    let policy = loaded.policy.expect("shipped policy checks");

    let started = Instant::now();
    let reader = norma::records::RecordReader::open(
        &norma::records::Input::Path(file.clone()),
        policy.read_options(),
    )
    .expect("open");
    let records: Vec<_> = reader.filter_map(Result::ok).map(|(r, _)| r).collect();
    let read_s = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let mut findings = 0usize;
    for r in &records {
        let outcomes = norma::eval::evaluate(&policy, r, None);
        findings += outcomes
            .rules
            .iter()
            .flat_map(|o| &o.instances)
            .filter(|i| i.status.is_finding())
            .count();
    }
    let eval_s = started.elapsed().as_secs_f64();
    drop(records);

    std::fs::remove_file(&file).ok();

    println!(
        "records: {n} ({:.1} MB of JSON Lines), exit code {code}, {findings} findings",
        bytes as f64 / 1e6
    );
    println!("load + check + compile the policy: {load_ms:.1} ms");
    println!(
        "read and validate:      {:>9.0} records/s ({read_s:.2} s)",
        n as f64 / read_s
    );
    println!(
        "evaluate, one thread:   {:>9.0} records/s ({eval_s:.2} s)",
        n as f64 / eval_s
    );
    println!(
        "norma lint --format json, all threads: {:>9.0} records/s ({cli_s:.2} s)",
        n as f64 / cli_s
    );
    if let Some(kib) = cli_peak {
        println!(
            "peak memory during norma lint (streaming): {:.0} MB",
            kib as f64 / 1024.0
        );
    }
    if let Some(kib) = peak_memory_kib() {
        println!(
            "peak memory holding all {n} records at once: {:.0} MB",
            kib as f64 / 1024.0
        );
    }
}
