//! Tests of the segmenter: the domain dictionary, number joining, coverage,
//! user dictionaries, the dictionary hash and thread safety.

use super::*;
use proptest::prelude::*;
use std::sync::LazyLock;

static SEG: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

fn words(text: &str) -> Vec<&str> {
    SEG.tokens(text).iter().map(|t| t.text).collect()
}

/// The tokens are non-empty, in order, contiguous, on char boundaries,
/// and cover `text`.
fn assert_covers(text: &str, tokens: &[Token<'_>]) {
    let mut at = 0;
    for t in tokens {
        assert_eq!(t.start, at, "gap or overlap before {t:?} in {text:?}");
        assert!(t.end > t.start, "empty token {t:?} in {text:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert_eq!(&text[t.start..t.end], t.text);
        at = t.end;
    }
    assert_eq!(at, text.len(), "tokens do not reach the end of {text:?}");
}

fn entries() -> Vec<(&'static str, &'static str, &'static str)> {
    DOMAIN_DICT
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            assert_eq!(f.len(), 3, "line {l:?} is not `word freq pos`");
            (f[0], f[1], f[2])
        })
        .collect()
}

// -- the data file --------------------------------------------------

#[test]
fn domain_dict_is_sorted_unique_and_well_formed() {
    let entries = entries();
    assert!(entries.len() >= 800, "only {} terms", entries.len());
    assert!(DOMAIN_DICT.ends_with('\n') && !DOMAIN_DICT.contains('\r'));
    for pair in entries.windows(2) {
        assert!(
            pair[0].0 < pair[1].0,
            "not sorted or duplicate: {} / {}",
            pair[0].0,
            pair[1].0
        );
    }
    for (word, freq, pos) in &entries {
        assert!(!word.is_empty() && !word.contains(char::is_whitespace));
        assert!(word
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '〇'));
        assert!(
            word.chars().count() >= 2,
            "{word}: a term has at least two characters"
        );
        let freq: u64 = freq
            .parse()
            .unwrap_or_else(|_| panic!("{word}: bad freq {freq}"));
        assert!((1..=MAX_FREQ).contains(&freq), "{word}: freq {freq}");
        assert!(KNOWN_TAGS.contains(pos), "{word}: unknown pos {pos}");
        assert!(parse_entry(&format!("{word} {freq} {pos}")).is_ok());
    }
}

#[test]
fn domain_dict_has_the_issue_terms() {
    let entries = entries();
    for term in [
        "三会一课",
        "两个维护",
        "四个意识",
        "四个自信",
        "主题党日",
        "灯下黑",
        "两张皮",
        "软弱涣散",
        "第一书记",
        "整县推进",
        "高质量发展",
        "乡村振兴",
        "全面从严治党",
        "基层党建",
        "党风廉政建设",
        "一岗双责",
        "主体责任",
        "民主生活会",
        "组织生活会",
        "对照检查",
        "述职评议",
        "不忘初心",
        "牢记使命",
        "形式主义",
        "官僚主义",
        "脱贫攻坚",
        "共同富裕",
        "新质生产力",
        "营商环境",
    ] {
        assert!(entries.iter().any(|e| e.0 == term), "{term} missing");
    }
}

// -- every term is one token ------------------------------------------

/// Sentence frames around each term, as reports use them.
const FRAMES: &[(&str, &str)] = &[
    ("", ""),
    ("认真落实", "，"),
    ("把", "作为重要抓手"),
    ("推动", "取得新成效"),
    ("我们坚持", "不动摇"),
    ("关于", "的情况报告"),
];

#[test]
fn every_domain_term_is_one_token_alone_and_in_context() {
    let mut failures = Vec::new();
    for (term, _, _) in entries() {
        for (before, after) in FRAMES {
            let text = format!("{before}{term}{after}");
            let tokens = SEG.tokens(&text);
            let whole = tokens
                .iter()
                .any(|t| t.start == before.len() && t.text == term);
            if !whole {
                let got: Vec<&str> = tokens.iter().map(|t| t.text).collect();
                failures.push(format!("{term} in {text}: {}", got.join("/")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn domain_terms_are_one_token_in_real_sentences() {
    // Sentences from the government work reports and speeches in
    // ../shared/corpora, with the terms each must keep whole.
    let table: &[(&str, &[&str])] = &[
        (
            "更加深刻领悟“两个确立”的决定性意义、自觉做到“两个维护”",
            &["两个确立", "两个维护"],
        ),
        ("三是明确了中国特色社会主义事业总体布局、战略布局，强调要坚定“四个自信”", &["四个自信"]),
        (
            "“灯下黑”就是指领导机关、重要部门以及领导干部所在的机关党组织的党建工作存在薄弱环节",
            &["灯下黑"],
        ),
        ("二是党建和业务工作“两张皮”", &["两张皮"]),
        ("一些党组织领导工作中的软弱涣散现象还严重存在", &["软弱涣散"]),
        ("通过选派第一书记和驻村工作队，锻炼了机关干部，培养了农村人才", &["第一书记", "驻村工作队"]),
        ("开展整县推进公共机构合同能源管理试点", &["整县推进"]),
        ("“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期，也是河北高质量发展的关键五年", &["十五五", "高质量发展"]),
        ("实施新一轮千亿斤粮食产能提升行动，乡村振兴扎实推进", &["乡村振兴"]),
        (
            "坚决扛起全面从严治党政治责任，深入贯彻中央八项规定精神，坚定不移推进政府党风廉政建设和反腐败斗争",
            &["全面从严治党", "中央八项规定精神", "党风廉政建设", "反腐败斗争"],
        ),
        ("二是要聚焦社会治理,补城市基层党建之短", &["城市基层党建"]),
        ("（五）切实做好基层党建工作，增强党的阶级基础和扩大党的群众基础", &["基层党建"]),
        ("坚决扛起主体责任，推动重大国家战略实施取得新的更大成效", &["主体责任"]),
        ("开展专题民主生活会，为全党作了示范引导", &["专题民主生活会"]),
        ("经常对照检查、检视剖析、反躬自省", &["对照检查", "检视剖析"]),
        ("把述职评议考核作为落实全面从严治党要求的重要制度安排", &["述职评议考核", "全面从严治党"]),
        ("巩固深化“不忘初心、牢记使命”主题教育成果", &["不忘初心", "牢记使命", "主题教育"]),
        ("政府工作存在不足，形式主义、官僚主义现象仍较突出，一些改革发展举措落实不到位", &["形式主义", "官僚主义", "不到位"]),
        ("毫不松懈巩固拓展脱贫攻坚成果", &["巩固拓展脱贫攻坚成果"]),
        ("依靠共同奋斗，扎实推进共同富裕，不断实现人民对美好生活的向往", &["共同富裕"]),
        ("（二）因地制宜发展新质生产力，加快建设现代化产业体系", &["新质生产力", "现代化产业体系"]),
        ("持续营造市场化、法治化、国际化一流营商环境，让外资企业更好发展", &["一流营商环境"]),
        ("积极融入全国统一大市场，深入实施营商环境提升工程", &["全国统一大市场", "营商环境"]),
        ("努力解决群众急难愁盼问题，民生财政支出占比保持在75%以上", &["急难愁盼", "75%"]),
        ("优化地方政府专项债券管理机制，实施好投向领域负面清单管理", &["地方政府专项债券", "负面清单"]),
        ("持续深入肃清流毒影响，深化以案促改促治，营造风清气正的政治生态", &["以案促改", "风清气正", "政治生态"]),
        ("严格落实三会一课制度，每月开展主题党日活动", &["三会一课制度", "主题党日"]),
        ("增强四个意识，落实一岗双责，按时召开组织生活会", &["四个意识", "一岗双责", "组织生活会"]),
    ];
    for (sentence, terms) in table {
        let got = words(sentence);
        for term in *terms {
            assert!(
                got.contains(term),
                "{term} not one token in {}",
                got.join("/")
            );
        }
    }
}

#[test]
fn without_the_domain_dict_jieba_splits_the_terms() {
    let bare = Segmenter::builder()
        .domain_dict(DomainDict::Off)
        .build()
        .unwrap();
    let split = [
        "三会一课",
        "两个维护",
        "四个意识",
        "主题党日",
        "整县推进",
        "高质量发展",
    ]
    .iter()
    .filter(|term| bare.tokens(term).len() > 1)
    .count();
    assert_eq!(split, 6);
}

// -- numbers ----------------------------------------------------------

#[test]
fn numbers_are_one_token() {
    let table: &[(&str, &[&str])] = &[
        ("共23,876人", &["共", "23,876", "人"]),
        ("共23，876人", &["共", "23，876", "人"]),
        ("达1,234,567元", &["达", "1,234,567", "元"]),
        ("合计1,234.5万元", &["合计", "1,234.5万", "元"]),
        ("增长1.9万", &["增长", "1.9万"]),
        ("完成1.9万元", &["完成", "1.9万", "元"]),
        ("投资3.2亿元", &["投资", "3.2亿", "元"]),
        ("发行1.2万亿元", &["发行", "1.2万亿", "元"]),
        ("规模12.5万亿", &["规模", "12.5万亿"]),
        ("讲党课5.8万次", &["讲", "党课", "5.8万", "次"]),
        ("约1.9亿人次", &["约", "1.9亿", "人次"]),
        ("超过5千万", &["超过", "5千万"]),
        ("覆盖率95%", &["覆盖率", "95%"]),
        ("提高3.5%的", &["提高", "3.5%", "的"]),
        ("下降4.5‰", &["下降", "4.5‰"]),
        ("全年１２３个", &["全年", "１２３", "个"]),
        ("２３，８７６人", &["２３，８７６", "人"]),
        ("１．９万", &["１．９万"]),
        ("占１２.５％", &["占", "１２.５％"]),
        ("三千五百万", &["三千五百万"]),
        ("三千五百万元", &["三千五百万", "元"]),
        ("二〇一九年", &["二〇一九", "年"]),
        ("壹万贰仟元", &["壹万贰仟", "元"]),
        ("第1,2条", &["第", "1", ",", "2", "条"]),
        ("2019，2020", &["2019", "，", "2020"]),
        ("12,34", &["12", ",", "34"]),
        ("1,2345", &["1", ",", "2345"]),
        ("版本1.2.3", &["版本", "1.2.3"]),
        ("排查隐患857处", &["排查", "隐患", "857", "处"]),
        ("3千米", &["3", "千米"]),
    ];
    for (text, want) in table {
        assert_eq!(&words(text), want, "in {text}");
    }
}

#[test]
fn slogans_with_numerals_stay_terms() {
    assert_eq!(words("坚持两个维护"), ["坚持", "两个维护"]);
    assert_eq!(words("十四五时期"), ["十四五时期"]);
    assert_eq!(words("落实三会一课"), ["落实", "三会一课"]);
    assert_eq!(words("一是"), ["一是"]);
}

#[test]
fn tagged_numbers_and_pieces() {
    let tagged = SEG.tagged("全年讲党课5.8万次，投入23,876元");
    let pairs: Vec<(&str, Option<&str>)> = tagged.iter().map(|t| (t.text, t.pos)).collect();
    assert!(pairs.contains(&("5.8万", Some("m"))), "{pairs:?}");
    assert!(pairs.contains(&("次", Some("q"))), "{pairs:?}");
    assert!(pairs.contains(&("23,876", Some("m"))), "{pairs:?}");
    assert!(pairs.contains(&("党课", Some("n"))), "{pairs:?}");
    assert!(tagged.iter().all(|t| t.pos.is_some()));
}

proptest! {
    #[test]
    fn tokens_cover_any_string(text in any::<String>()) {
        let tokens = SEG.tokens(&text);
        assert_covers(&text, &tokens);
    }

    #[test]
    fn tokens_cover_cjk_digits_and_separators(
        text in "[0-9０-９,，.．%％‰万亿一二两三十百千〇零年元个 \t\r\na-zA-Z\u{4e00}-\u{4e3f}党建三会课。、“”]{0,80}"
    ) {
        let tokens = SEG.tokens(&text);
        assert_covers(&text, &tokens);
        let tagged = SEG.tagged(&text);
        assert_covers(&text, &tagged);
        let a: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        let b: Vec<&str> = tagged.iter().map(|t| t.text).collect();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn formatted_numbers_are_one_token(
        int in 0u64..100_000_000_000,
        frac in proptest::option::of(0u32..1000),
        separators in any::<bool>(),
        suffix in proptest::sample::select(vec!["", "%", "万", "亿", "万亿", "‰"]),
        wide in any::<bool>(),
    ) {
        let mut number = int.to_string();
        if separators {
            let digits = number.clone();
            number.clear();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    number.push(',');
                }
                number.push(c);
            }
        }
        if let Some(f) = frac {
            number.push_str(&format!(".{f}"));
        }
        if wide {
            number = number
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
                    ',' => '，',
                    '.' => '．',
                    c => c,
                })
                .collect();
        }
        number.push_str(suffix);
        let text = format!("同比增长{number}，其中");
        let got = words(&text);
        prop_assert!(got.contains(&number.as_str()), "{} in {}", number, got.join("/"));
    }

    #[test]
    fn chinese_numerals_are_one_token(n in 1u64..1_000_000_000_000) {
        let numeral = to_chinese(n);
        let text = format!("共计：{numeral}，");
        let got = words(&text);
        prop_assert!(got.contains(&numeral.as_str()), "{} in {}", numeral, got.join("/"));
    }
}

proptest! {
    // Each case segments about 50 KB.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn long_texts_segment_like_their_lines(
        line in "[0-9０-９,，.%万亿一二两三十百千〇年元 a-z\u{4e00}-\u{4e3f}党建三会课。、]{1,40}",
    ) {
        // Past CHUNK_BYTES the segmenter works chunk by chunk; the result
        // must be the lines' own segmentations, end to end.
        let reps = CHUNK_BYTES / (line.len() + 1) * 3 + 1;
        let text = format!("{line}\n").repeat(reps);
        let whole: Vec<&str> = words(&text);
        let mut by_line = Vec::new();
        for l in text.split_inclusive('\n') {
            by_line.extend(words(l));
        }
        prop_assert_eq!(whole, by_line);
    }
}

/// A plain reading of `n` in Chinese numerals (三千五百万, 一亿零五).
fn to_chinese(n: u64) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    fn below_10k(n: u64, out: &mut String, pad: bool) {
        let mut zero = false;
        let mut started = false;
        for (unit, div) in [("千", 1000), ("百", 100), ("十", 10), ("", 1)] {
            let d = (n / div % 10) as usize;
            if d == 0 {
                zero = started || pad;
            } else {
                if zero {
                    out.push('零');
                }
                out.push(DIGITS[d]);
                out.push_str(unit);
                zero = false;
                started = true;
            }
        }
    }
    let mut out = String::new();
    let parts = [
        (n / 100_000_000, "亿"),
        (n / 10_000 % 10_000, "万"),
        (n % 10_000, ""),
    ];
    let mut started = false;
    for (part, unit) in parts {
        if part == 0 {
            continue;
        }
        if started && part < 1000 {
            out.push('零');
        }
        below_10k(part, &mut out, false);
        out.push_str(unit);
        started = true;
    }
    out
}

#[test]
fn chunked_segmentation_equals_line_by_line() {
    // Long enough for several chunks, with \r\n and numbers near every
    // chunk boundary.
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!(
            "第{i}条：落实三会一课，投入1,2{:02}.5万元，增长{}%\r\n",
            i % 100,
            i % 37
        ));
        if i % 7 == 0 {
            text.push_str("二〇二四年发展党员三千五百名\n\n");
        }
    }
    assert!(text.len() > 4 * CHUNK_BYTES);
    let whole = SEG.tokens(&text);
    assert_covers(&text, &whole);
    let mut by_line = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        by_line.extend(SEG.tokens(line).into_iter().map(|t| Token {
            start: t.start + offset,
            end: t.end + offset,
            ..t
        }));
        offset += line.len();
    }
    assert_eq!(whole, by_line);
    let tagged: Vec<&str> = SEG.tagged(&text).iter().map(|t| t.text).collect();
    let words: Vec<&str> = whole.iter().map(|t| t.text).collect();
    assert_eq!(tagged, words);
}

#[test]
fn whitespace_and_long_runs_are_covered() {
    let text = format!(
        "{}党建{}1.9万\r\n\r\n",
        " \t".repeat(5000),
        "推进基层党建".repeat(5000)
    );
    assert_covers(&text, &SEG.tokens(&text));
    assert_covers("", &SEG.tokens(""));
    assert!(SEG.tokens("").is_empty());
}

// -- user dictionaries --------------------------------------------------

#[test]
fn user_dictionaries_from_file_bytes_and_words() {
    let base = Segmenter::new();
    let text = "推行领办代办和揭榜挂帅制及赛马争先";
    assert_ne!(
        words(text),
        ["推行", "领办代办", "和", "揭榜挂帅制", "及", "赛马争先"]
    );

    let path = std::env::temp_dir().join(format!(
        "shuzhi-segment-test-{}-userdict.txt",
        std::process::id()
    ));
    std::fs::write(&path, "\u{feff}# 自定义词典\n揭榜挂帅制 500 n\r\n\n").unwrap();
    let seg = Segmenter::builder()
        .user_dict_file(&path)
        .user_dict_bytes("赛马争先 l\n")
        .words(vec![String::from("领办代办")])
        .build()
        .unwrap();
    std::fs::remove_file(&path).ok();
    let got: Vec<&str> = seg.tokens(text).iter().map(|t| t.text).collect();
    assert_eq!(
        got,
        ["推行", "领办代办", "和", "揭榜挂帅制", "及", "赛马争先"]
    );
    let names = seg.dictionaries();
    assert_eq!(names.len(), 5);
    assert_eq!(names[..2], ["jieba-default", "shuzhi-domain"]);
    assert_eq!(names[2], format!("file:{}", path.display()));
    assert_eq!(names[3..], ["bytes", "words"]);

    let tagged = seg.tagged(text);
    let pos = |w: &str| tagged.iter().find(|t| t.text == w).and_then(|t| t.pos);
    assert_eq!(pos("揭榜挂帅制"), Some("n"));
    assert_eq!(pos("赛马争先"), Some("l"));
    assert_eq!(pos("领办代办"), None);

    assert_ne!(seg.dict_hash(), base.dict_hash());
}

#[test]
fn dict_hash_is_stable_and_tracks_every_dictionary() {
    let a = Segmenter::new();
    let b = Segmenter::builder().build().unwrap();
    assert_eq!(a.dict_hash(), b.dict_hash());
    assert_eq!(a.dictionaries(), b.dictionaries());
    assert_eq!(a.dict_hash().len(), 16);
    assert!(a.dict_hash().bytes().all(|c| c.is_ascii_hexdigit()));
    let off = Segmenter::builder()
        .domain_dict(DomainDict::Off)
        .build()
        .unwrap();
    let words1 = Segmenter::builder().words(["领办代办"]).build().unwrap();
    let words2 = Segmenter::builder()
        .words(["领办代办", "赛马争先"])
        .build()
        .unwrap();
    let bytes1 = Segmenter::builder()
        .user_dict_bytes("领办代办\n")
        .build()
        .unwrap();
    let hashes = [&a, &off, &words1, &words2, &bytes1].map(|s| s.dict_hash().to_string());
    for i in 0..hashes.len() {
        for j in i + 1..hashes.len() {
            assert_ne!(hashes[i], hashes[j], "{i} and {j}");
        }
    }
}

#[test]
fn named_bytes_stand_for_the_file_they_came_from() {
    let path = std::env::temp_dir().join(format!(
        "shuzhi-segment-test-{}-named.txt",
        std::process::id()
    ));
    let content = "\u{feff}揭榜挂帅制 500 n\r\n赛马争先\n";
    std::fs::write(&path, content).unwrap();
    let file = Segmenter::builder().user_dict_file(&path).build().unwrap();
    std::fs::remove_file(&path).ok();
    let name = format!("file:{}", path.display());
    let copy = Segmenter::builder()
        .user_dict_named(name.clone(), content)
        .build()
        .unwrap();
    assert_eq!(copy.dictionaries(), file.dictionaries());
    assert_eq!(copy.dict_hash(), file.dict_hash());
    let text = "推行揭榜挂帅制及赛马争先";
    let words = |s: &Segmenter| -> Vec<String> {
        s.tokens(text).iter().map(|t| t.text.to_owned()).collect()
    };
    assert_eq!(words(&copy), words(&file));
    // Other contents under the same name: another hash.
    let other = Segmenter::builder()
        .user_dict_named(name.clone(), "揭榜挂帅制 500 n\n")
        .build()
        .unwrap();
    assert_ne!(other.dict_hash(), file.dict_hash());
    // A bad entry names the dictionary by its given name.
    let err = Segmenter::builder()
        .user_dict_named("file:/elsewhere/mine.txt", "词 12x\n")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Dictionary);
    assert!(
        err.to_string().contains("file:/elsewhere/mine.txt, line 1"),
        "{err}"
    );
}

#[test]
fn fnv1a_matches_reference_vectors() {
    let hash = |s: &str| {
        let mut h = Fnv1a::new();
        h.write(s.as_bytes());
        h.hex()
    };
    assert_eq!(hash(""), "cbf29ce484222325");
    assert_eq!(hash("a"), "af63dc4c8601ec8c");
    assert_eq!(hash("foobar"), "85944171f73967e8");
}

#[test]
fn bad_user_dictionaries_are_dictionary_errors() {
    let cases: [(SegmenterBuilder, &str); 8] = [
        (
            Segmenter::builder().user_dict_bytes("好词 100 n\n坏词 abc n\n"),
            "line 2",
        ),
        (
            Segmenter::builder().user_dict_bytes("词 1 n extra\n"),
            "line 1",
        ),
        (
            Segmenter::builder().user_dict_bytes("词 99999999999999999999\n"),
            "line 1",
        ),
        (
            Segmenter::builder().user_dict_bytes(b"ok\n\xff\xfe\n".to_vec()),
            "line 2",
        ),
        (Segmenter::builder().words(["好词", "坏 词"]), "entry 2"),
        (Segmenter::builder().words([""]), "entry 1"),
        (
            Segmenter::builder().user_dict_file("/nonexistent/shuzhi/dict.txt"),
            "dict.txt",
        ),
        (
            Segmenter::builder().user_dict_bytes("甲 100000000\n".repeat(11)),
            "line 11",
        ),
    ];
    for (builder, needle) in cases {
        let err = builder.build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Dictionary);
        assert!(err.to_string().contains(needle), "{err} lacks {needle}");
    }
    let err = Segmenter::builder()
        .user_dict_file("/nonexistent/shuzhi/dict.txt")
        .build()
        .unwrap_err();
    assert!(std::error::Error::source(&err).is_some());
    assert!(err
        .to_string()
        .contains("file:/nonexistent/shuzhi/dict.txt"));
}

#[test]
fn tags_are_interned() {
    assert_eq!(tag(""), None);
    assert_eq!(tag("nz"), Some("nz"));
    let a = tag("custom_tag").unwrap();
    let b = tag(&String::from("custom_tag")).unwrap();
    assert!(std::ptr::eq(a, b));
    assert!(KNOWN_TAGS.windows(2).all(|w| w[0] < w[1]));
    assert!(KNOWN_TAG_KEYS.windows(2).all(|w| w[0] < w[1]));
    for t in KNOWN_TAGS {
        assert_eq!(tag(t), Some(*t));
    }
    assert_eq!(tag("nrfgx"), tag("nrfgx"));
}

#[test]
fn public_types_are_thread_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    check::<Segmenter>();
    check::<SegmenterBuilder>();
    check::<Token<'static>>();
    check::<DomainDict>();
    let seg = &*SEG;
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|i| s.spawn(move || seg.tokens(&format!("第{i}批整县推进")).len()))
            .collect();
        for h in handles {
            assert!(h.join().unwrap() > 0);
        }
    });
}
