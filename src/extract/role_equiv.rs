//! The role rules' scans and prefilters against the regular expressions and
//! `contains` tests they replace: every rule gives the same answer on the
//! real sentences of `corpora/` (and their clauses) and on random text drawn
//! from the characters the rules look at.

use super::scan::{self, Triggers};
use super::*;
use proptest::prelude::*;
use std::path::Path;

/// The rules as they were written with regular expressions: the oracles.
mod slow {
    use regex::Regex;
    use std::sync::LazyLock;

    pub(super) fn contrast_at(s: &str) -> Option<(usize, &'static str)> {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:^|[，,；;：:])\s*(但是|但|然而|不过|可是|只是)").expect("valid regex")
        });
        if !(s.contains('但')
            || s.contains("然而")
            || s.contains("不过")
            || s.contains("可是")
            || s.contains("只是"))
        {
            return None;
        }
        RE.captures_iter(s).last().and_then(|c| {
            let m = c.get(1)?;
            let w = match m.as_str() {
                "但是" => "但是",
                "但" => "但",
                "然而" => "然而",
                "不过" => "不过",
                "可是" => "可是",
                _ => "只是",
            };
            Some((m.start(), w))
        })
    }

    pub(super) fn directive(s: &str) -> Option<&'static str> {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:^|[，,；;：:。！])[^，,；;：:。！？]{0,14}?(一定要|必须|务必|应当|要)([^求素点么领闻害紧件道旨诀职员塞冲命账挟务])")
                .expect("valid regex")
        });
        if !s.contains(['要', '必', '务', '应']) {
            return None;
        }
        for c in RE.captures_iter(s) {
            let m = c.get(1)?;
            let before = s[..m.start()].chars().next_back();
            if matches!(before, Some('场' | '的' | '所' | '种' | '项')) {
                continue;
            }
            if m.as_str() == "要"
                && matches!(
                    before,
                    Some(
                        '需' | '重'
                            | '主'
                            | '只'
                            | '想'
                            | '摘'
                            | '纲'
                            | '必'
                            | '概'
                            | '简'
                            | '扼'
                            | '险'
                            | '首'
                            | '次'
                            | '紧'
                            | '提'
                            | '不'
                            | '是'
                            | '的'
                            | '将'
                            | '显'
                            | '政'
                            | '机'
                            | '切'
                    )
                )
            {
                continue;
            }
            return Some(match m.as_str() {
                "一定要" => "一定要",
                "必须" => "必须",
                "务必" => "务必",
                "应当" => "应当",
                _ => "要",
            });
        }
        None
    }

    pub(super) fn imperative_head(s: &str) -> Option<&'static str> {
        const HEADS: [&str; 34] = [
            "坚持", "加强", "推进", "深化", "强化", "完善", "健全", "推动", "加快", "实施", "扎实",
            "持续", "全面", "深入", "着力", "聚焦", "统筹", "狠抓", "抓好", "做好", "筑牢", "压实",
            "严格", "落实", "建立", "构建", "打造", "培育", "提升", "优化", "突出", "把", "以",
            "大力",
        ];
        let t = s.trim_start_matches(|c: char| !c.is_alphanumeric());
        HEADS.into_iter().find(|h| t.starts_with(h))
    }

    pub(super) fn perfective_count(s: &str) -> usize {
        if !s.contains('了') {
            return 0;
        }
        let mut n = 0;
        let mut prev = ' ';
        let mut it = s.chars().peekable();
        while let Some(c) = it.next() {
            if c == '了' {
                let next = it.peek().copied().unwrap_or(' ');
                if !matches!(prev, '为' | '除' | '罢' | '不' | '得')
                    && !matches!(next, '解' | '如' | '结' | '然' | '不' | '却')
                {
                    n += 1;
                }
            }
            prev = c;
        }
        n
    }

    pub(super) fn has_number(s: &str) -> bool {
        let b = s.as_bytes();
        b.iter().any(u8::is_ascii_digit)
            || b.windows(3)
                .any(|w| w[0] == 0xef && w[1] == 0xbc && (0x90..=0x99).contains(&w[2]))
    }

    pub(super) fn strip_item(s: &str) -> &str {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十]{1,2}[，,、]|首先[，,]?|其次[，,]?|再次[，,]?|最后[，,]?|[一二三四五六七八九十]{1,2}[、．.]|[（(][一二三四五六七八九十0-9]{1,2}[）)]|[0-9]{1,2}[、．.])")
                .expect("valid regex")
        });
        match RE.find(s) {
            Some(m) => &s[m.end()..],
            None => s,
        }
    }

    pub(super) fn cannot(s: &str) -> bool {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\p{Han}不(?:了|动|清|好|上|起|住|到位|完|开|下去|进去)")
                .expect("valid regex")
        });
        s.contains('不')
            && RE.find_iter(s).any(|m| {
                let t = m.as_str();
                !t.starts_with("对")
                    && !t.starts_with("了")
                    && !t.starts_with("看")
                    && !t.starts_with("来")
            })
    }

    pub(super) fn remedy(text: &str) -> bool {
        static REMEDY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:整治|整改|解决|查处|消除|纠正|治理|破解|化解|追回|处理|通报曝光|针对|聚焦|对照|查摆|检视)[^，。；]{0,16}(?:问题|现象|短板|差距|不足|弱项|风险|隐患)|(?:问题|短板|差距|不足|弱项)[^，。；]{0,6}(?:整改|解决|得到)")
                .expect("valid regex")
        });
        text.contains(['问', '现', '短', '差', '足', '弱', '风', '隐']) && REMEDY.is_match(text)
    }

    pub(super) fn remedy_before(text: &str, at: usize) -> bool {
        const REMEDY_VERBS: [&str; 24] = [
            "严禁", "严惩", "克服", "化解", "反对", "惩治", "打击", "扭转", "整改", "整治", "查处",
            "杜绝", "根治", "治理", "消除", "破解", "纠正", "修复", "遏制", "防止", "防治", "防范",
            "降低", "解决",
        ];
        let head = &text[..at];
        let from = head
            .char_indices()
            .rev()
            .take(16)
            .take_while(|&(_, c)| !matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。'))
            .last()
            .map_or(at, |(i, _)| i);
        let clause = &head[from..];
        REMEDY_VERBS.iter().any(|v| {
            clause.match_indices(v).any(|(i, _)| {
                !clause[..i]
                    .chars()
                    .rev()
                    .take(2)
                    .any(|c| matches!(c, '未' | '没' | '不' | '难' | '尚' | '待' | '无'))
            })
        })
    }

    pub(super) fn copula(s: &str) -> bool {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^[^，,；;。！？：:]{1,24}?(?:就是|也是|都是|是)").expect("valid regex")
        });
        s.contains('是')
            && RE.find(s).is_some_and(|m| {
                !m.as_str().ends_with("要是")
                    && !m.as_str().contains("但是")
                    && !m.as_str().contains("还是")
            })
    }

    pub(super) fn quotation(s: &str) -> bool {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"(?:说|指出|强调|表示|讲到|说过|写道|提出|认为)[:：，,]?\s*[“"「]"#)
                .expect("valid regex")
        });
        let t = s.trim();
        ((s.contains('“') || s.contains('"') || s.contains('「')) && RE.is_match(s))
            || (t.starts_with(['“', '「'])
                && t.trim_end_matches(['。', '！', '？'])
                    .ends_with(['”', '」']))
    }

    pub(super) fn byline(s: &str) -> bool {
        static DATE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:[0-9０-９〇○零一二三四五六七八九十]{2,4}年)?[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日$")
                .expect("valid regex")
        });
        const LABELS: [&str; 8] = [
            "述职人",
            "报告人",
            "汇报人",
            "发言人",
            "姓名",
            "单位",
            "职务",
            "署名",
        ];
        const ORGS: [&str; 12] = [
            "委员会",
            "党委",
            "党组",
            "党支部",
            "总支部",
            "人民政府",
            "办公室",
            "局",
            "公司",
            "派出所",
            "纪委",
            "监委",
        ];
        let t = s.trim().trim_end_matches(['。', '.']);
        if t.is_empty() || t.contains(['，', ',', '；', ';', '。', '！', '？']) {
            return false;
        }
        let n = t.chars().count();
        DATE.is_match(t)
            || LABELS.iter().any(|l| {
                t.strip_prefix(l)
                    .is_some_and(|r| r.starts_with(['：', ':', ' ', '　']))
            })
            || (n <= 24
                && ORGS.iter().any(|o| t.ends_with(o))
                && (t.starts_with("中共")
                    || t.contains(['省', '市', '县', '区', '镇', '乡', '村']))
                && ![
                    "大局", "格局", "布局", "全局", "变局", "开局", "结局", "当局",
                ]
                .iter()
                .any(|x| t.ends_with(x))
                && !t.contains(['要', '将', '了', '把', '在']))
    }

    pub(super) fn topic_line(s: &str) -> bool {
        let t = s.trim().trim_end_matches(['。', '：', ':']);
        t.chars().count() <= 12 && t.ends_with("方面") && !t.contains(['，', ','])
    }
}

/// Compares every rule on `s` with its oracle; the first difference, named.
fn check(s: &str) -> Result<(), String> {
    let trig = Triggers::of(s);
    let fail = |what: &str| Err(format!("{what} differs on {s:?}"));
    if trig.chars != s.chars().count() {
        return fail("character count");
    }
    if strip_item(s) != slow::strip_item(s) {
        return fail("strip_item");
    }
    if contrast_at(s, trig) != slow::contrast_at(s) {
        return fail("contrast_at");
    }
    if directive(s, trig) != slow::directive(s) {
        return fail("directive");
    }
    if imperative_head(s) != slow::imperative_head(s) {
        return fail("imperative_head");
    }
    if perfective_count(s, trig) != slow::perfective_count(s) {
        return fail("perfective_count");
    }
    if has_number(trig) != slow::has_number(s) {
        return fail("has_number");
    }
    if cannot(s, trig) != slow::cannot(s) {
        return fail("cannot");
    }
    if (trig.any(bit::PROBLEM) && scan::remedy(s)) != slow::remedy(s) {
        return fail("remedy");
    }
    if copula(s, trig) != slow::copula(s) {
        return fail("copula");
    }
    if quotation(s, trig) != slow::quotation(s) {
        return fail("quotation");
    }
    if byline(s, trig) != slow::byline(s) {
        return fail("byline");
    }
    if topic_line(s, trig) != slow::topic_line(s) {
        return fail("topic_line");
    }
    Ok(())
}

/// Compares [`remedy_before`] with its oracle at byte offsets `at` of `s`.
fn check_remedy_before(s: &str, at: impl Iterator<Item = usize>) -> Result<(), String> {
    for at in at {
        if remedy_before(s, at) != slow::remedy_before(s, at) {
            return Err(format!("remedy_before differs at {at} on {s:?}"));
        }
    }
    Ok(())
}

/// Sentences (cut after 。！？；! ? and line breaks) of every text file and
/// of the `text` of every JSON line under `dir`.
fn corpus_sentences(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            corpus_sentences(&p, out);
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let texts: Vec<String> = match p.extension().and_then(|e| e.to_str()) {
            Some("txt" | "md") => vec![text],
            Some("jsonl") => text
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
                .collect(),
            _ => continue,
        };
        for t in texts {
            let mut start = 0;
            for (i, c) in t.char_indices() {
                if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | '\n') {
                    let end = i + c.len_utf8();
                    out.push(t[start..end].to_owned());
                    start = end;
                }
            }
            out.push(t[start..].to_owned());
        }
    }
}

/// Every real sentence of `corpora/`, as the classifier sees it (after
/// [`strip_item`]), and its tail after each comma: each rule agrees with
/// its oracle.
#[test]
fn rules_agree_with_their_regexes_on_the_corpora() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let mut sentences = Vec::new();
    corpus_sentences(&root, &mut sentences);
    sentences.sort_unstable();
    sentences.dedup();
    assert!(sentences.len() > 10_000, "{} sentences", sentences.len());
    let mut failures = Vec::new();
    for s in &sentences {
        let text = slow::strip_item(s);
        for t in std::iter::once(s.as_str())
            .chain((text.len() < s.len()).then_some(text))
            .chain(
                text.match_indices('，')
                    .map(|(i, _)| &text[i + '，'.len_utf8()..]),
            )
        {
            if let Err(e) = check(t) {
                failures.push(e);
            }
        }
        // Where score() asks: the start of each problem cue.
        let problems = LEXICON
            .ac
            .find_overlapping_iter(text)
            .filter(|m| {
                LEXICON.cues[m.pattern().as_usize()]
                    .iter()
                    .any(|c| c.role == Role::Problem)
            })
            .map(|m| m.start());
        if let Err(e) = check_remedy_before(text, problems) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{}",
        failures[..failures.len().min(20)].join("\n")
    );
}

/// Hand-picked cases at the edges of the patterns.
#[test]
fn rules_agree_at_the_edges() {
    for s in [
        "",
        "要",
        "要求",
        "，要加强",
        "我们要，要加强",
        "需要加强，要坚持",
        "一二三四五六七八九十一二三四五要加强",
        "一二三四五六七八九十一二三四要加强",
        "一定要求真",
        "一定要抓好",
        "必须务必",
        "，但 是",
        "但，  但是，然而",
        ",\u{3000}不过这样",
        "他说：“好”",
        "他说 ：“好”",
        "他说： “好”",
        "他说,,“好”",
        "「就是这样」",
        "这就是",
        "是",
        "一是",
        "一二三四五六七八九十一二三四五六七八九十一二三四是",
        "一二三四五六七八九十一二三四五六七八九十一二三四五是",
        "整治一二三四五六七八九十一二三四五六问题",
        "整治一二三四五六七八九十一二三四五六七问题",
        "整治一二三四五六七八九十，问题",
        "通报曝光问题",
        "问题一二三四五六整改",
        "问题一二三四五六七整改",
        "问题得到解决",
        "整治整改问题",
        "兑现不了",
        "不了",
        "a不了",
        "看不清",
        "严禁污染",
        "未严禁污染",
        "理论学习方面。",
        "述职人：王建国",
        "2026年1月12日",
        "（一）加强学习",
        "10、完善制度",
        "第一，加强",
        "首先要",
        "６个",
    ] {
        check(s).unwrap();
        check_remedy_before(s, s.char_indices().map(|(i, _)| i)).unwrap();
    }
}

/// No word of a list that [`scan::remedy`] scans is a prefix of another,
/// and none is longer than four characters (its bookkeeping relies on it).
#[test]
fn remedy_words_are_prefix_free_and_short() {
    for list in scan::REMEDY_LISTS {
        for a in list {
            assert!(a.chars().count() <= 4, "{a}");
            for b in list {
                assert!(a == b || !b.starts_with(a), "{a} {b}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Random text over the characters the rules look at.
    #[test]
    fn rules_agree_with_their_regexes_on_random_text(
        s in "[但是然而不过可只要必须务应当一定求素点需重的了为除解问题现象短板差距足弱项风险隐患整治改决查处消纠正理破化追回通报曝光针对聚焦照摆检视得到说指出强调表示讲写提认“”\"「」，,；;：:。！？!? \u{3000}0-9０-９年月日方面对来看动清好上起住位完开下去进严禁未没难尚待无坚持加强推把以大述职人局市中共]{0,40}"
    ) {
        let all = check(&s).and_then(|()| check_remedy_before(&s, s.char_indices().map(|(i, _)| i)));
        if let Err(e) = all {
            prop_assert!(false, "{}", e);
        }
    }
}
