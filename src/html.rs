//! The offline review page: one self-contained HTML file with a summary
//! table of every report and each report's text tinted by role.
//!
//! Nothing here reads text or decides anything: the page shows what the
//! analysis records hold. Every piece of document text, id, title, cue and
//! message is HTML-escaped on the way out ([`Esc`]), so a report containing
//! `<script>` renders as text.

use crate::analysis::{Analysis, ErrorRecord};
use crate::assess::{Flag, ResidueKind, Severity};
use crate::extract::{Approx, FigureKind, Genre, Role};
use crate::structure::Sentence;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write};

/// Text escaped for HTML element content and quoted attribute values.
struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, b) in s.bytes().enumerate() {
            let rep = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            f.write_str(&s[last..i])?;
            f.write_str(rep)?;
            last = i + 1;
        }
        f.write_str(&s[last..])
    }
}

/// The anchor of a document's section: `doc-` and the id with every char
/// other than a letter, a digit, `_`, `.` or `-` written as `~` and two
/// hex digits per UTF-8 byte. Injective, and safe unquoted in an attribute
/// and in a URL fragment.
///
/// ```
/// assert_eq!(shuzhi::doc_anchor("seeds/004.txt#2"), "doc-seeds~2F004.txt~232");
/// assert_eq!(shuzhi::doc_anchor("讲话 稿"), "doc-讲话~20稿");
/// ```
pub fn doc_anchor(id: &str) -> String {
    let mut a = String::with_capacity(id.len() + 4);
    a.push_str("doc-");
    for c in id.chars() {
        if c.is_alphanumeric() || matches!(c, '_' | '.' | '-') {
            a.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(a, "~{b:02X}");
            }
        }
    }
    a
}

fn role_class(r: Role) -> &'static str {
    match r {
        Role::Achievement => "a",
        Role::Problem => "p",
        Role::Cause => "c",
        Role::Commitment => "m",
        Role::Other => "o",
    }
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Achievement => "成绩",
        Role::Problem => "问题",
        Role::Cause => "原因",
        Role::Commitment => "措施",
        Role::Other => "其他",
    }
}

fn genre_name(g: Genre) -> &'static str {
    match g {
        Genre::DutyReport => "述职报告",
        Genre::Speech => "讲话",
        Genre::WorkReport => "工作报告",
        Genre::SelfReview => "对照检查",
        Genre::Other => "其他",
    }
}

/// The flag codes of DESIGN.md with a short Chinese name, in the order the
/// filter lists them.
const FLAG_NAMES: [(&str, &str); 10] = [
    ("template_residue", "模板残留"),
    ("no_problem_section", "未查摆问题"),
    ("achievement_heavy", "评功摆好"),
    ("generic_problems", "问题泛泛"),
    ("no_cause_analysis", "缺原因分析"),
    ("no_next_steps", "无下一步打算"),
    ("vague_commitments", "措施空泛"),
    ("formulaic", "套话多"),
    ("near_duplicate", "近似重复"),
    ("too_short", "篇幅过短"),
];

/// Evidence links listed per flag; every evidence sentence is outlined.
const MAX_LINKS: usize = 20;

/// Code used for documents that could not be read, in the filter.
const ERROR_CODE: &str = "error";

fn flag_name(code: &str) -> &str {
    FLAG_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, n)| n)
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Info => "si",
        Severity::Warn => "sw",
        Severity::Severe => "ss",
    }
}

fn residue_name(k: ResidueKind) -> &'static str {
    match k {
        ResidueKind::Placeholder => "占位符",
        ResidueKind::Someone => "某某",
        ResidueKind::Blank => "待填空白",
        ResidueKind::Masked => "屏蔽词",
        ResidueKind::StaleReference => "过时表述",
    }
}

fn figure_kind_name(k: FigureKind) -> &'static str {
    match k {
        FigureKind::Quantity => "数量",
        FigureKind::Percent => "百分比",
        FigureKind::Fraction => "分数",
        FigureKind::Money => "金额",
        FigureKind::Date => "日期",
        FigureKind::Duration => "时长",
        FigureKind::Age => "年龄",
        FigureKind::Ordinal => "序号",
        FigureKind::Slogan => "口号",
    }
}

fn approx_word(a: Approx) -> &'static str {
    match a {
        Approx::Exact => "",
        Approx::Over => "超过",
        Approx::Under => "不到",
        Approx::About => "约",
    }
}

/// A number for a reader: integers without a fraction, others to four places.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The id of the other document of a `near_duplicate` flag.
///
/// `Flag::other` names it; for older records without the field, the longest
/// id of another document on the page that the message contains.
fn near_duplicate_other<'i>(flag: &Flag, own: &str, ids: &[&'i str]) -> Option<&'i str> {
    if flag.code != "near_duplicate" {
        return None;
    }
    // The flag names the other document; records written before the field
    // existed name it only in the message.
    if let Some(other) = flag.other.as_deref() {
        if let Some(id) = ids.iter().copied().find(|id| *id == other && *id != own) {
            return Some(id);
        }
    }
    ids.iter()
        .copied()
        .filter(|id| !id.is_empty() && *id != own && flag.message.contains(id))
        .max_by_key(|id| id.len())
}

/// An inline mark inside a sentence, by byte offsets into the sentence text.
struct Mark {
    start: usize,
    end: usize,
    /// `u` (figure) or `mark` (residue).
    tag: &'static str,
    title: String,
}

/// One record to show: an analysis or a document that could not be read.
enum Doc<'a> {
    Ok(&'a Analysis),
    Err(&'a ErrorRecord),
}

impl Doc<'_> {
    fn id(&self) -> &str {
        match self {
            Doc::Ok(a) => &a.id,
            Doc::Err(e) => &e.id,
        }
    }

    /// Distinct flag codes, most severe first; `error` for an error record.
    fn codes(&self) -> Vec<&str> {
        match self {
            Doc::Ok(a) => {
                let mut seen = Vec::new();
                for f in a.assessment.iter().flat_map(|s| &s.flags) {
                    if !seen.contains(&f.code.as_str()) {
                        seen.push(f.code.as_str());
                    }
                }
                seen
            }
            Doc::Err(_) => vec![ERROR_CODE],
        }
    }
}

const CSS: &str = r#"
:root{--a:#d7efd3;--p:#f9d3cf;--c:#fbe3bd;--m:#d3e3f7;--A:#4f9a46;--P:#cc4b3f;--C:#d98d1c;--M:#3f74b8;--O:#c9c9c9}
*{box-sizing:border-box}
body{font:15px/1.75 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:70em;padding:1em 1.5em;color:#222;background:#fff}
h1{font-size:1.6em;margin:.2em 0}
h2{font-size:1.25em;margin:0 0 .3em}
[hidden]{display:none!important}
a{color:#1f5fa8}
.lg{margin:.5em 0;font-size:.9em}
.lg>*{margin-right:.5em;padding:0 .25em}
#ctl{margin:.6em 0;padding:.4em .6em;background:#f3f4f6;border-radius:4px}
#sum{border-collapse:collapse;width:100%;font-size:.9em;margin:.8em 0 2em}
#sum th,#sum td{border-bottom:1px solid #ddd;padding:.3em .45em;text-align:left;vertical-align:top}
#sum th{background:#f3f4f6;position:sticky;top:0;white-space:nowrap}
.js #sum th{cursor:pointer}
.js #sum th:hover{background:#e4e7eb}
#sum th[aria-sort=ascending]::after{content:" ▲"}
#sum th[aria-sort=descending]::after{content:" ▼"}
#sum td.n{text-align:right;font-variant-numeric:tabular-nums}
#sum small{color:#666;word-break:break-all}
.bar{display:inline-flex;width:9em;height:.9em;border:1px solid #bbb;vertical-align:middle;background:#fff}
.bar b{display:block;height:100%}
.bar .a{background:var(--A)}.bar .p{background:var(--P)}.bar .c{background:var(--C)}.bar .m{background:var(--M)}.bar .o{background:var(--O)}
.f{display:inline-block;font-size:.85em;padding:0 .4em;margin:.1em .2em .1em 0;border-radius:3px;border:1px solid;white-space:nowrap;text-decoration:none;color:inherit}
.ss{background:#fde2e0;border-color:#cc4b3f}.sw{background:#fff1d6;border-color:#d98d1c}.si{background:#eef1f5;border-color:#9aa5b1}
.err{color:#a11}
.doc{border-top:3px solid #333;padding-top:.8em;margin-top:2.2em}
.meta{color:#555;font-size:.9em;margin:.2em 0}
.fl{margin:.5em 0;padding-left:1.2em;font-size:.92em}
.fl li{margin:.25em 0}
.fl .f{margin-right:.4em}
.ev{color:#666;margin-left:.5em;font-size:.92em}
#sum td:nth-child(3){white-space:nowrap}
.sc{font-size:.85em;color:#444;margin:.3em 0 .8em;padding-left:1.2em}
.t p{margin:.55em 0}
.t p.h{margin-top:1.1em}
i{font-style:normal;border-radius:2px}
i.a{background:var(--a)}i.p{background:var(--p)}i.c{background:var(--c)}i.m{background:var(--m)}
.t b{font-weight:700}
i.e,b.e{outline:1.5px solid #c0392b;outline-offset:1px}
:target{box-shadow:0 0 0 4px #ffd54a}
u{text-decoration:underline 2px #555;text-underline-offset:3px}
mark{background:#ffeb3b;color:#000;outline:1px dashed #a07800}
@media print{
body{max-width:none;padding:0;font-size:11pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
#ctl,.noprint{display:none!important}
#sum th{position:static}
#sum tr,.fl li{break-inside:avoid}
.doc{break-before:page;border-top:0;margin-top:0}
a{color:inherit;text-decoration:none}
:target{box-shadow:none}
}
"#;

const JS: &str = r#"
(function(){
var d=document,t=d.getElementById('sum');if(!t)return;
d.documentElement.className='js';
var tb=t.tBodies[0],rows=[].slice.call(tb.rows),sel=d.getElementById('flt'),cnt=d.getElementById('cnt');
d.getElementById('ctl').hidden=false;
function apply(){var v=sel.value,n=0;rows.forEach(function(r){var ok=!v||(' '+r.getAttribute('data-f')+' ').indexOf(' '+v+' ')>=0;r.hidden=!ok;var s=d.getElementById(r.getAttribute('data-d'));if(s)s.hidden=!ok;if(ok)n++;});cnt.textContent=n+' / '+rows.length;}
sel.onchange=apply;
var q=/[?&]f=([a-z_]+)/.exec(location.search);if(q)sel.value=q[1];
function key(r,i){var c=r.cells[i],v=c.getAttribute('data-v');if(v===null)v=c.textContent;var x=parseFloat(v);return isNaN(x)?v:x;}
[].forEach.call(t.tHead.rows[0].cells,function(th,i){th.onclick=function(){var asc=th.getAttribute('aria-sort')!=='ascending';[].forEach.call(t.tHead.rows[0].cells,function(h){h.removeAttribute('aria-sort');});th.setAttribute('aria-sort',asc?'ascending':'descending');rows.slice().sort(function(x,y){var a=key(x,i),b=key(y,i);var r=typeof a===typeof b?(a<b?-1:a>b?1:0):(typeof a==='number'?-1:1);return asc?r:-r;}).forEach(function(r){tb.appendChild(r);});};});
apply();
})();
"#;

/// Renders the offline review page for `docs`, in order: a summary table
/// (genre, score, role shares, flags; sortable and filterable by flag with
/// JavaScript) and each report's text with every sentence tinted by role,
/// figures underlined, template residue highlighted and flagged evidence
/// outlined. One self-contained HTML file: inline CSS and JavaScript,
/// nothing fetched from the network, readable with JavaScript off and
/// printable. Documents that could not be read get a row and their error.
///
/// Document sections are anchored at [`doc_anchor`] of their id, so
/// `review.html#doc-…` opens one report.
///
/// ```
/// use shuzhi::{review_html, Analyzer};
/// let a = Analyzer::new().analyze_text("XX镇述职报告.txt", "XX镇党委书记述职报告\n一、主要工作\n全年发展党员3名。\n二、存在的问题\n理论学习不够深入。<script>");
/// let page = review_html(&[Ok(a.into_iter().next().unwrap())]);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<u title=\"数量 3名\">3名</u>"));
/// assert!(page.contains("&lt;script&gt;"));
/// assert_eq!(page.matches("<script").count(), 1); // the page's own
/// ```
pub fn review_html(docs: &[Result<Analysis, ErrorRecord>]) -> String {
    let docs: Vec<Doc<'_>> = docs
        .iter()
        .map(|r| match r {
            Ok(a) => Doc::Ok(a),
            Err(e) => Doc::Err(e),
        })
        .collect();
    let text_bytes: usize = docs
        .iter()
        .map(|d| match d {
            Doc::Ok(a) => a.sentences.iter().map(|s| s.text.len() + 40).sum(),
            Doc::Err(_) => 200,
        })
        .sum();
    let mut o = String::with_capacity(text_bytes + 16 * 1024);
    let ids: Vec<&str> = docs.iter().map(|d| d.id()).collect();
    let dups = near_duplicates(&docs, &ids);

    let flagged = docs
        .iter()
        .filter(|d| matches!(d, Doc::Ok(a) if a.assessment.as_ref().is_some_and(|s| !s.flags.is_empty())))
        .count();
    let failed = docs.iter().filter(|d| matches!(d, Doc::Err(_))).count();

    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n\
         <title>述职材料审阅（{n}篇）</title>\n<style>{CSS}</style>\n</head>\n<body>\n<header>\n\
         <h1>述职材料审阅</h1>\n<p id=tot>共 {n} 篇；有标记 {flagged} 篇；读取失败 {failed} 篇。</p>\n",
        n = docs.len()
    );

    // Filter: only the codes present, in FLAG_NAMES order, then unknown codes.
    let mut present: BTreeSet<&str> = BTreeSet::new();
    for d in &docs {
        present.extend(d.codes());
    }
    let mut order: Vec<&str> = FLAG_NAMES
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| present.contains(c))
        .collect();
    order.extend(
        present
            .iter()
            .copied()
            .filter(|c| *c != ERROR_CODE && !FLAG_NAMES.iter().any(|(k, _)| k == c)),
    );
    if present.contains(ERROR_CODE) {
        order.push(ERROR_CODE);
    }
    o.push_str(
        "<div id=ctl hidden><label>按标记筛选：<select id=flt><option value=\"\">全部</option>",
    );
    for c in &order {
        let name = if *c == ERROR_CODE {
            "读取失败"
        } else {
            flag_name(c)
        };
        let _ = write!(
            o,
            "<option value=\"{}\">{}（{}）</option>",
            Esc(c),
            Esc(name),
            Esc(c)
        );
    }
    o.push_str("</select></label> 显示 <b id=cnt></b> 篇 · 点击表头排序</div>\n");
    o.push_str(
        "<p class=lg>图例：<i class=a>成绩</i><i class=p>问题</i><i class=c>原因</i>\
         <i class=m>措施</i><i>其他</i><u>数字（悬停看数值）</u>\
         <mark>模板残留</mark><i class=e>标记的证据句</i><span class=noprint>悬停句子可看角色和线索</span></p>\n</header>\n",
    );

    summary(&mut o, &docs);

    o.push_str("<main>\n");
    for (n, d) in docs.iter().enumerate() {
        match d {
            Doc::Ok(a) => report(&mut o, n, a, &ids, dups.get(a.id.as_str())),
            Doc::Err(e) => {
                let _ = write!(
                    o,
                    "<section class=doc id=\"{}\">\n<h2>{}</h2>\n<p class=err>读取失败（{}）：{}</p>\n</section>\n",
                    Esc(&doc_anchor(&e.id)),
                    Esc(&e.id),
                    Esc(&e.error.kind),
                    Esc(&e.error.message)
                );
            }
        }
    }
    let _ = write!(o, "</main>\n<script>{JS}</script>\n</body>\n</html>\n");
    o
}

/// Near-duplicate partners of each document, both ways, whichever side
/// carries the flag.
fn near_duplicates<'i>(docs: &[Doc<'_>], ids: &[&'i str]) -> BTreeMap<&'i str, Vec<&'i str>> {
    let mut m: BTreeMap<&'i str, Vec<&'i str>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        let Doc::Ok(a) = d else { continue };
        let own = ids[i];
        for f in a.assessment.iter().flat_map(|s| &s.flags) {
            if let Some(other) = near_duplicate_other(f, own, ids) {
                for (x, y) in [(own, other), (other, own)] {
                    let v = m.entry(x).or_default();
                    if !v.contains(&y) {
                        v.push(y);
                    }
                }
            }
        }
    }
    m
}

fn summary(o: &mut String, docs: &[Doc<'_>]) {
    o.push_str(
        "<table id=sum>\n<thead><tr><th>序</th><th>文档</th><th>体裁</th><th>字数</th><th>得分</th>\
         <th title=\"按成绩占比排序\">角色占比</th><th>问题和原因</th><th>标记</th></tr></thead>\n<tbody>\n",
    );
    for (n, d) in docs.iter().enumerate() {
        let anchor = doc_anchor(d.id());
        let _ = write!(
            o,
            "<tr data-f=\"{}\" data-d=\"{}\"><td class=n>{}</td>",
            Esc(&d.codes().join(" ")),
            Esc(&anchor),
            n + 1
        );
        match d {
            Doc::Ok(a) => {
                let title = a.title.as_deref().unwrap_or(&a.id);
                let _ = write!(
                    o,
                    "<td><a href=\"#{}\">{}</a><br><small>{}</small></td><td>{}</td><td class=n>{}</td>",
                    Esc(&anchor),
                    Esc(title),
                    Esc(&a.id),
                    genre_name(a.genre),
                    a.chars
                );
                match &a.assessment {
                    Some(s) => {
                        let sh = &s.shares;
                        let _ = write!(
                            o,
                            "<td class=n>{}</td><td data-v=\"{:.4}\">",
                            s.score.total, sh.achievement
                        );
                        bar(o, sh);
                        let _ = write!(
                            o,
                            "</td><td class=n data-v=\"{:.4}\">{}</td><td>",
                            sh.problem + sh.cause,
                            pct(sh.problem + sh.cause)
                        );
                        let mut seen: Vec<&str> = Vec::new();
                        for f in &s.flags {
                            if seen.contains(&f.code.as_str()) {
                                continue;
                            }
                            seen.push(&f.code);
                            let _ = write!(
                                o,
                                "<a class=\"f {}\" href=\"#{}\" title=\"{}\">{}</a>",
                                severity_class(f.severity),
                                Esc(&anchor),
                                Esc(&f.code),
                                Esc(flag_name(&f.code))
                            );
                        }
                        o.push_str("</td></tr>\n");
                    }
                    None => o.push_str("<td></td><td></td><td></td><td></td></tr>\n"),
                }
            }
            Doc::Err(e) => {
                let _ = writeln!(
                    o,
                    "<td><a href=\"#{}\">{}</a></td><td></td><td></td><td></td><td></td><td></td>\
                     <td class=err title=\"{}\">读取失败：{}</td></tr>",
                    Esc(&anchor),
                    Esc(&e.id),
                    Esc(&e.error.message),
                    Esc(&e.error.kind)
                );
            }
        }
    }
    o.push_str("</tbody>\n</table>\n");
}

/// The role shares as a bar of five segments, with the numbers on hover.
fn bar(o: &mut String, sh: &crate::assess::Shares) {
    let parts = [
        (Role::Achievement, sh.achievement),
        (Role::Problem, sh.problem),
        (Role::Cause, sh.cause),
        (Role::Commitment, sh.commitment),
        (Role::Other, sh.other),
    ];
    let title: Vec<String> = parts
        .iter()
        .map(|(r, x)| format!("{}{}", role_name(*r), pct(*x)))
        .collect();
    let _ = write!(o, "<span class=bar title=\"{}\">", title.join(" "));
    for (r, x) in parts {
        // Shares come from records that may have been edited: clamp.
        let w = (x * 100.0).clamp(0.0, 100.0);
        if w >= 0.05 {
            let _ = write!(o, "<b class={} style=\"width:{w:.1}%\"></b>", role_class(r));
        }
    }
    o.push_str("</span>");
}

fn report(o: &mut String, n: usize, a: &Analysis, ids: &[&str], dups: Option<&Vec<&str>>) {
    let anchor = doc_anchor(&a.id);
    let title = a.title.as_deref().unwrap_or(&a.id);
    let _ = write!(
        o,
        "<section class=doc id=\"{}\">\n<h2>{}</h2>\n<p class=meta>{} · {} · {}字",
        Esc(&anchor),
        Esc(title),
        Esc(&a.id),
        genre_name(a.genre),
        a.chars
    );
    let asm = a.assessment.as_ref();
    if let Some(s) = asm {
        let _ = write!(o, " · 得分 <b>{}</b>", s.score.total);
        let yes = |b: bool| if b { "有" } else { "无" };
        let _ = write!(
            o,
            " · 问题查摆{} · 原因分析{} · 下一步打算{}{}",
            yes(s.doc.has_problem_section),
            yes(s.doc.has_cause_analysis),
            yes(s.doc.has_next_steps),
            if s.doc.achievement_heavy {
                " · 成绩篇幅偏重"
            } else {
                ""
            }
        );
    }
    o.push_str("</p>\n");
    if let Some(d) = dups {
        o.push_str("<p class=meta>近似重复：");
        for (k, other) in d.iter().enumerate() {
            if k > 0 {
                o.push('、');
            }
            let _ = write!(
                o,
                "<a class=dup href=\"#{}\">{}</a>",
                Esc(&doc_anchor(other)),
                Esc(other)
            );
        }
        o.push_str("</p>\n");
    }
    let n_sent = a.sentences.len();
    // Which flags each evidence sentence proves.
    let mut evidence: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    // Sentences a link points at (they get an id).
    let mut linked: BTreeSet<usize> = BTreeSet::new();
    if let Some(s) = asm {
        if !s.flags.is_empty() {
            o.push_str("<ul class=fl>\n");
            for f in &s.flags {
                let _ = write!(
                    o,
                    "<li><span class=\"f {}\" title=\"{}\">{}</span>{}",
                    severity_class(f.severity),
                    Esc(&f.code),
                    Esc(flag_name(&f.code)),
                    Esc(&f.message)
                );
                if let Some(other) = near_duplicate_other(f, &a.id, ids) {
                    let _ = write!(
                        o,
                        " → <a href=\"#{}\">{}</a>",
                        Esc(&doc_anchor(other)),
                        Esc(other)
                    );
                }
                let ev: Vec<usize> = f.evidence.iter().copied().filter(|&i| i < n_sent).collect();
                if !ev.is_empty() {
                    if ev.len() > MAX_LINKS {
                        let _ = write!(
                            o,
                            " <span class=\"ev noprint\">证据句共{}句，前{MAX_LINKS}句：",
                            ev.len()
                        );
                    } else {
                        o.push_str(" <span class=\"ev noprint\">证据句：");
                    }
                    for &i in ev.iter().take(MAX_LINKS) {
                        let _ = write!(o, " <a href=\"#d{n}-{i}\">{}</a>", i + 1);
                        linked.insert(i);
                    }
                    o.push_str("</span>");
                }
                for i in ev {
                    let v = evidence.entry(i).or_default();
                    if !v.contains(&f.code.as_str()) {
                        v.push(&f.code);
                    }
                }
                o.push_str("</li>\n");
            }
            o.push_str("</ul>\n");
        }
        let sc = &s.score;
        o.push_str("<ul class=sc>");
        for (name, p) in [
            ("平衡", &sc.balance),
            ("具体", &sc.concreteness),
            ("原因", &sc.causes),
            ("措施", &sc.commitments),
            ("残留", &sc.residue),
        ] {
            let _ = write!(
                o,
                "<li>{name} {}/{}：{}</li>",
                number(p.points),
                number(p.max),
                Esc(&p.reason)
            );
        }
        o.push_str("</ul>\n");
    }

    // Inline marks per sentence: residue first, then figures that do not
    // overlap it.
    let mut marks: Vec<Vec<Mark>> = (0..n_sent).map(|_| Vec::new()).collect();
    for r in asm.iter().flat_map(|s| &s.residue) {
        if let Some(i) = r.sentence.filter(|&i| i < n_sent) {
            push_mark(
                &mut marks[i],
                &a.sentences[i],
                r.span.start,
                r.span.end,
                "mark",
                format!("模板残留：{}", residue_name(r.kind)),
            );
        }
    }
    for f in &a.figures {
        if f.kind.is_figure() && f.sentence < n_sent {
            let title = format!(
                "{} {}{}{}",
                figure_kind_name(f.kind),
                approx_word(f.approx),
                match &f.value {
                    crate::extract::FigureValue::Number(v) => number(*v),
                    crate::extract::FigureValue::Date(d) => d.clone(),
                },
                f.unit
            );
            push_mark(
                &mut marks[f.sentence],
                &a.sentences[f.sentence],
                f.span[0],
                f.span[1],
                "u",
                title,
            );
        }
    }

    o.push_str("<div class=t>");
    let mut para = None;
    for (i, s) in a.sentences.iter().enumerate() {
        if para != Some(s.paragraph) {
            if para.is_some() {
                o.push_str("</p>");
            }
            o.push_str(if s.heading { "\n<p class=h>" } else { "\n<p>" });
            para = Some(s.paragraph);
        }
        let id = linked.contains(&i).then_some((n, i));
        sentence(o, id, s, &mut marks[i], evidence.get(&i));
    }
    if para.is_some() {
        o.push_str("</p>");
    }
    o.push_str("\n</div>\n</section>\n");
}

/// Adds a mark at document bytes `[start, end)` if it lies inside the
/// sentence on char boundaries and overlaps no mark already there.
fn push_mark(
    v: &mut Vec<Mark>,
    s: &Sentence,
    start: usize,
    end: usize,
    tag: &'static str,
    title: String,
) {
    if s.span.end.saturating_sub(s.span.start) != s.text.len() {
        return;
    }
    let (Some(a), Some(b)) = (
        start.checked_sub(s.span.start),
        end.checked_sub(s.span.start),
    ) else {
        return;
    };
    if a >= b || s.text.get(a..b).is_none() || v.iter().any(|m| a < m.end && m.start < b) {
        return;
    }
    v.push(Mark {
        start: a,
        end: b,
        tag,
        title,
    });
}

fn sentence(
    o: &mut String,
    id: Option<(usize, usize)>,
    s: &Sentence,
    marks: &mut [Mark],
    ev: Option<&Vec<&str>>,
) {
    // Headings bold; sentences tinted by role (other: no class, no tint).
    let tag = if s.heading { "b" } else { "i" };
    let role = s.role.unwrap_or(Role::Other);
    let _ = write!(o, "<{tag}");
    let class = if s.heading || role == Role::Other {
        ""
    } else {
        role_class(role)
    };
    match (class, ev.is_some()) {
        ("", false) => {}
        ("", true) => o.push_str(" class=e"),
        (c, false) => {
            let _ = write!(o, " class={c}");
        }
        (c, true) => {
            let _ = write!(o, " class=\"{c} e\"");
        }
    }
    if let Some((n, i)) = id {
        let _ = write!(o, " id=d{n}-{i}");
    }
    // Title: role, confidence and cues (`none` is no cue), then the flags
    // the sentence is evidence for.
    let mut title = String::new();
    if !s.heading {
        title.push_str(role_name(role));
        if let Some(c) = s.confidence {
            let _ = write!(title, " {:.0}%", f64::from(c) * 100.0);
        }
        for c in s.cues.iter().flatten().filter(|c| *c != "none") {
            title.push(' ');
            title.push_str(c);
        }
    }
    if let Some(codes) = ev {
        if !title.is_empty() {
            title.push('\n');
        }
        title.push_str("标记：");
        let names: Vec<&str> = codes.iter().map(|c| flag_name(c)).collect();
        title.push_str(&names.join("、"));
    }
    if !title.is_empty() {
        let _ = write!(o, " title=\"{}\"", Esc(&title));
    }
    o.push('>');
    marks.sort_by_key(|m| m.start);
    let mut at = 0;
    for m in marks.iter() {
        let _ = write!(
            o,
            "{}<{t} title=\"{}\">{}</{t}>",
            Esc(&s.text[at..m.start]),
            Esc(&m.title),
            Esc(&s.text[m.start..m.end]),
            t = m.tag
        );
        at = m.end;
    }
    let _ = write!(o, "{}</{tag}>", Esc(&s.text[at..]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_char() {
        assert_eq!(
            Esc("<img src=x onerror='a()'>&\"").to_string(),
            "&lt;img src=x onerror=&#39;a()&#39;&gt;&amp;&quot;"
        );
        assert_eq!(Esc("述职报告").to_string(), "述职报告");
    }

    #[test]
    fn anchors_are_injective_and_attribute_safe() {
        let ids = ["a/b", "a~2Fb", "a b", "a~20b", "x\"><script>", "述职#1"];
        let anchors: BTreeSet<String> = ids.iter().map(|i| doc_anchor(i)).collect();
        assert_eq!(anchors.len(), ids.len());
        for a in &anchors {
            assert!(a
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '~')));
        }
    }

    #[test]
    fn numbers_for_readers() {
        assert_eq!(number(857.0), "857");
        assert_eq!(number(0.333_333), "0.3333");
        assert_eq!(number(3.5), "3.5");
        assert_eq!(number(f64::NAN), "NaN");
    }
}
