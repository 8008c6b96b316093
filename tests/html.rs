//! The offline review page (`review_html`, `shuzhi screen --format html`):
//! size, escaping, links, and — in headless Chromium — what a browser makes
//! of it.

use shuzhi::{doc_anchor, review_html, Analysis, Analyzer, ErrorRecord};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn one(id: &str, text: &str) -> Analysis {
    Analyzer::new().analyze_text(id, text).remove(0)
}

/// A report that would change the page if any of its text ran as markup.
const HOSTILE: &str = "<script>document.title='PWNED'</script>述职报告\n\
一、主要工作\n\
全年召开党委会12次，发展党员3名。<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">\n\
XX同志带头开展调研\"><script>document.body.setAttribute('data-pwned','attr')</script>。\n\
二、存在的问题\n\
理论学习不够深入，<svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg>有待提高。\n\
三、下一步打算\n\
进一步加强党建工作。' onmouseover='x' &amp; &lt;b&gt;";

#[test]
fn fifty_reports_fit_in_twice_their_text_plus_100_kb() {
    let an = Analyzer::new();
    let bulk = std::fs::read_to_string(root().join("corpora/bulk/speeches-2020.jsonl")).unwrap();
    let mut recs = Vec::new();
    for line in bulk.lines().take(50) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        recs.extend(
            an.analyze_text(v["id"].as_str().unwrap(), v["text"].as_str().unwrap())
                .into_iter()
                .map(Ok),
        );
    }
    assert_eq!(recs.len(), 50);
    // The text the page shows: every sentence (clutter set aside and
    // whitespace between sentences are not shown, so this is the stricter
    // measure).
    let text: usize = recs
        .iter()
        .flat_map(|r: &Result<Analysis, ErrorRecord>| &r.as_ref().unwrap().sentences)
        .map(|s| s.text.len())
        .sum();
    let page = review_html(&recs);
    assert!(
        page.len() <= 2 * text + 100 * 1024,
        "page {} bytes for {} bytes of text",
        page.len(),
        text
    );
    // Every sentence is on the page.
    assert!(page.len() > text);
}

#[test]
fn hostile_text_ids_and_titles_are_escaped() {
    let id = "x\"><img src=x onerror=alert(1)>.txt";
    let a = one(id, HOSTILE);
    assert!(a.title.as_deref().unwrap().contains("<script>"));
    let err = ErrorRecord::new(
        "<script>bad()</script>.doc",
        &shuzhi::Error::new(shuzhi::ErrorKind::UnsupportedFormat, "<b>save as .docx</b>"),
    );
    let page = review_html(&[Ok(a), Err(err)]);
    // The page's own script is the only one; no img, svg or event handler
    // came through as markup.
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    for bad in ["<img", "<svg", "onerror=\"", "onload=\"", "<b>save"] {
        assert!(!page.contains(bad), "{bad} in the page");
    }
    assert!(page.contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;述职报告"));
    assert!(page.contains("&lt;img src=x onerror=&quot;document.body"));
    // (`;` ends a sentence, so the entities are split across sentences.)
    assert!(page.contains("&amp;amp;") && page.contains("&amp;lt;"));
    assert!(page.contains("&lt;script&gt;bad()&lt;/script&gt;.doc"));
    // Attributes: the anchor is made of safe characters only.
    assert!(page.contains(&format!("id=\"{}\"", doc_anchor(id))));
    assert!(!doc_anchor(id).contains(['"', '<', '>', '\'', ' ']));
}

#[test]
fn figures_residue_evidence_and_roles_are_marked() {
    let text =
        std::fs::read_to_string(root().join("corpora/synthetic/assess-residue.txt")).unwrap();
    let a = one("assess-residue.txt", &text);
    let page = review_html(&[Ok(a.clone())]);
    let asm = a.assessment.as_ref().unwrap();
    for r in &asm.residue {
        assert!(
            page.contains(&format!("\">{}</mark>", r.text)),
            "residue {}",
            r.text
        );
    }
    for f in a.figures.iter().filter(|f| f.kind.is_figure()) {
        assert!(
            page.contains(&format!("\">{}</u>", f.text)),
            "figure {}",
            f.text
        );
    }
    // Every sentence once, tinted by its role.
    let shown =
        &page[page.find("<div class=t>").unwrap()..page.find("</div>\n</section>").unwrap()];
    assert_eq!(
        shown.matches("<i").count() + shown.matches("<b").count(),
        a.sentences.len()
    );
    let problems = a
        .sentences
        .iter()
        .filter(|s| s.role == Some(shuzhi::Role::Problem))
        .count();
    assert_eq!(
        shown.matches("<i class=p").count() + shown.matches("<i class=\"p e\"").count(),
        problems
    );
    // Each flag's evidence is linked and outlined.
    for f in &asm.flags {
        for i in &f.evidence {
            assert!(page.contains(&format!("href=\"#d0-{i}\"")));
            assert!(page.contains(&format!(" id=d0-{i} ")));
        }
    }
    assert!(page.contains("模板残留"));
    assert!(page.contains("图例"));
}

#[test]
fn near_duplicate_pairs_link_to_each_other() {
    let text =
        std::fs::read_to_string(root().join("corpora/synthetic/assess-balanced.txt")).unwrap();
    let a = one("a/甲.txt", &text);
    let mut b = one("b/乙 copy.txt", &text);
    // The flag as the near-duplicate check writes it; built through serde so
    // that this test compiles whatever optional fields `Flag` gains.
    let flag: shuzhi::Flag = serde_json::from_value(serde_json::json!({
        "code": "near_duplicate", "severity": "warn",
        "message": "与a/甲.txt高度相似（相似度0.98）", "evidence": [],
        "other": "a/甲.txt", "similarity": 0.98
    }))
    .unwrap();
    b.assessment.as_mut().unwrap().flags.push(flag);
    let page = review_html(&[Ok(a), Ok(b)]);
    let (ea, eb) = (doc_anchor("a/甲.txt"), doc_anchor("b/乙 copy.txt"));
    let sec_a = &page[page
        .find(&format!("<section class=doc id=\"{ea}\""))
        .unwrap()..];
    let sec_b = &page[page
        .find(&format!("<section class=doc id=\"{eb}\""))
        .unwrap()..];
    assert!(sec_a[..sec_a.find("</section>").unwrap()].contains(&format!("href=\"#{eb}\"")));
    assert!(sec_b[..sec_b.find("</section>").unwrap()].contains(&format!("href=\"#{ea}\"")));
    assert!(page.contains("<option value=\"near_duplicate\">近似重复"));
}

#[test]
fn edited_records_never_panic() {
    let text =
        std::fs::read_to_string(root().join("corpora/synthetic/assess-residue.txt")).unwrap();
    let mut a = one("r.txt", &text);
    // Spans and indices that point nowhere, as a hand-edited record might.
    for f in &mut a.figures {
        f.span = [f.span[0] + 1, f.span[1] + 7];
        f.sentence += 3;
    }
    for s in a.sentences.iter_mut().step_by(2) {
        s.span.start += 1;
        s.role = None;
        s.cues = Some(vec!["<&>\"'".into()]);
    }
    let asm = a.assessment.as_mut().unwrap();
    for r in &mut asm.residue {
        r.span.end = usize::MAX;
        r.sentence = Some(usize::MAX);
    }
    asm.flags[0].evidence.push(usize::MAX);
    asm.shares.achievement = f64::NAN;
    asm.shares.problem = -3.0;
    asm.shares.other = f64::INFINITY;
    let page = review_html(&[Ok(a)]);
    assert!(page.contains("&lt;&amp;&gt;&quot;&#39;"));
    assert!(review_html(&[]).contains("共 0 篇"));
}

/// Headless Chromium, or `None` with a message when it is not installed
/// (a failure when `SHUZHI_REQUIRE_CHROMIUM` is set, as `.ci/run` does).
#[cfg(feature = "cli")]
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|n| {
            std::env::var_os("PATH")
                .map(|p| {
                    std::env::split_paths(&p)
                        .map(|d| d.join(n))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("SHUZHI_REQUIRE_CHROMIUM").is_none(),
            "SHUZHI_REQUIRE_CHROMIUM is set but chromium is not installed (apt-get install -y chromium)"
        );
        eprintln!(
            "skipping the headless-Chromium test: chromium is not installed \
             (apt-get install -y chromium; set SHUZHI_REQUIRE_CHROMIUM=1 to make this a failure)"
        );
    }
    found
}

/// The page's DOM after Chromium loaded it and ran its script.
#[cfg(feature = "cli")]
fn dump_dom(chromium: &std::path::Path, url: &str, scratch: &std::path::Path) -> String {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let profile = scratch.join(format!("profile-{}", url.len()));
    std::fs::create_dir_all(&profile).unwrap();
    let out_path = scratch.join("dom.html");
    let err_path = scratch.join("chromium.log");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(url)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium did not finish in 90 s: {}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let dom = std::fs::read_to_string(&out_path).unwrap();
    assert!(
        status.success() && dom.contains("</html>"),
        "chromium failed ({status}): {}",
        std::fs::read_to_string(&err_path).unwrap_or_default()
    );
    dom
}

/// Text as the DOM serialiser writes a text node.
#[cfg(feature = "cli")]
fn dom_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

#[cfg(feature = "cli")]
#[test]
fn chromium_renders_the_seeds_and_hostile_text_stays_inert() {
    use std::process::Command;
    let Some(chromium) = chromium() else { return };
    let scratch = std::env::temp_dir().join(format!("shuzhi-html-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    let hostile =
        scratch.join("<img src=x onerror=document.body.setAttribute('data-pwned','name')>.txt");
    std::fs::write(&hostile, HOSTILE).unwrap();
    let seeds = root().join("corpora/seeds");
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_shuzhi"))
            .args(["screen", "--quiet", "--format", format])
            .arg(&seeds)
            .arg(&hostile)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        out.stdout
    };
    let page = scratch.join("review.html");
    std::fs::write(&page, run("html")).unwrap();
    let recs: Vec<serde_json::Value> = String::from_utf8(run("jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let n = recs.len();
    // Five seed files, one of them three speeches, SOURCES.md and the hostile report.
    assert!(n >= 8, "{n} records");

    let url = format!("file://{}", page.display());
    let dom = dump_dom(&chromium, &url, &scratch);
    // The page's script ran…
    assert!(dom.contains("<html lang=\"zh-CN\" class=\"js\">"), "{dom}");
    assert!(dom.contains(&format!("<b id=\"cnt\">{n} / {n}</b>")));
    // …and none of the report's did.
    assert!(dom.contains("<body>"), "attributes on body");
    assert!(!dom.contains("data-pwned=\""));
    assert!(!dom.contains("PWNED</title>"));
    assert!(dom.contains(&format!("<title>述职材料审阅（{n}篇）</title>")));
    assert_eq!(dom.matches("<script").count(), 1);
    assert!(!dom.contains("<img") && !dom.contains("<svg"));
    assert!(dom.contains(&dom_text(
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
    )));
    assert!(dom.contains(&dom_text(
        "\"><script>document.body.setAttribute('data-pwned','attr')</script>"
    )));

    // One row and one section per record, with its title and every sentence.
    let body = &dom[dom.find("<tbody>").unwrap()..dom.find("</tbody>").unwrap()];
    assert_eq!(body.matches("<tr ").count(), n);
    for r in &recs {
        let id = r["id"].as_str().unwrap();
        let anchor = doc_anchor(id);
        let at = dom
            .find(&format!("<section class=\"doc\" id=\"{anchor}\">"))
            .unwrap_or_else(|| panic!("no section for {id}"));
        let sec = &dom[at..at + dom[at..].find("</section>").unwrap()];
        let title = r["title"].as_str().unwrap_or(id);
        assert!(
            sec.contains(&format!("<h2>{}</h2>", dom_text(title))),
            "title of {id}"
        );
        let text = &sec[sec.find("<div class=\"t\">").unwrap()..];
        let shown = text.matches("<i>").count()
            + text.matches("<i ").count()
            + text.matches("<b>").count()
            + text.matches("<b ").count();
        assert_eq!(
            shown,
            r["sentences"].as_array().unwrap().len(),
            "sentences of {id}"
        );
        assert!(body.contains(&format!("href=\"#{anchor}\"")));
    }

    // Filtering by flag from the address: ?f=template_residue.
    let with = recs
        .iter()
        .filter(|r| {
            r["assessment"]["flags"]
                .as_array()
                .is_some_and(|f| f.iter().any(|f| f["code"] == "template_residue"))
        })
        .count();
    assert!(with >= 2, "the hostile report and seed 002 have residue");
    let dom = dump_dom(&chromium, &format!("{url}?f=template_residue"), &scratch);
    assert!(dom.contains(&format!("<b id=\"cnt\">{with} / {n}</b>")));
    let body = &dom[dom.find("<tbody>").unwrap()..dom.find("</tbody>").unwrap()];
    assert_eq!(body.matches(" hidden=\"\">").count(), n - with);
    assert_eq!(dom.matches("<section class=\"doc\" id=").count(), n);
    assert_eq!(dom.matches("\" hidden=\"\">\n<h2>").count(), n - with);
    let _ = std::fs::remove_dir_all(&scratch);
}

#[cfg(feature = "cli")]
#[test]
fn screen_writes_the_page_in_the_order_asked() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shuzhi"))
        .args(["screen", "--format", "html", "--sort", "score"])
        .arg(root().join("corpora/synthetic/assess-balanced.txt"))
        .arg(root().join("corpora/synthetic/assess-heavy.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    assert_eq!(page.matches("<tr data-f=").count(), 2);
    // Lowest score first: the heavy report before the balanced one.
    let heavy = page.find("assess-heavy.txt").unwrap();
    let balanced = page.find("assess-balanced.txt").unwrap();
    assert!(heavy < balanced);
    // Nothing is fetched: no external URL at all.
    assert!(!page.contains("http://") && !page.contains("https://") && !page.contains("src="));
}
