//! The analyzer: built once, immutable, shared by reference across threads.

use crate::analysis::{Analysis, SCHEMA};
use crate::config::Config;
use crate::error::Result;
use crate::extract::FigureFinder;
use crate::ingest::{self, Decoded, Limits};
use crate::segment::{Segmenter, SegmenterBuilder};
use crate::structure;
use std::path::Path;
use std::sync::Arc;

/// Years written in a title (2020年度…述职报告).
fn title_years(t: &str) -> impl Iterator<Item = u32> + '_ {
    t.char_indices().filter_map(move |(i, _)| {
        let y = t.get(i..i + 4)?;
        let rest = t.get(i + 4..)?;
        (y.bytes().all(|b| b.is_ascii_digit())
            && rest.starts_with('年')
            && (y.starts_with("19") || y.starts_with("20")))
        .then(|| y.parse().ok())
        .flatten()
    })
}

/// Builds an [`Analyzer`] with a [`Config`].
///
/// ```
/// use shuzhi::{Analyzer, Config};
/// let an = Analyzer::builder()
///     .config(Config { max_document_bytes: 1 << 20, ..Config::default() })
///     .build()
///     .unwrap();
/// assert_eq!(an.config().max_document_bytes, 1 << 20);
/// ```
#[derive(Debug, Default)]
pub struct AnalyzerBuilder {
    config: Config,
    segmenter: Option<SegmenterBuilder>,
}

impl AnalyzerBuilder {
    /// Uses `config` for every setting.
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    fn seg(&mut self) -> SegmenterBuilder {
        self.segmenter.take().unwrap_or_default()
    }

    /// Adds a jieba-format user dictionary file (`word [freq] [pos]` per line).
    pub fn user_dict_file(mut self, path: impl AsRef<Path>) -> Self {
        self.segmenter = Some(self.seg().user_dict_file(path));
        self
    }

    /// Adds a user dictionary from bytes in jieba's format.
    pub fn user_dict_bytes(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.segmenter = Some(self.seg().user_dict_bytes(bytes));
        self
    }

    /// Adds a user dictionary from bytes under a name of the caller's
    /// choosing (see [`SegmenterBuilder::user_dict_named`]).
    pub fn user_dict_named(mut self, name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        self.segmenter = Some(self.seg().user_dict_named(name, bytes));
        self
    }

    /// Adds words to the dictionary.
    pub fn words<I: IntoIterator<Item = S>, S: Into<String>>(mut self, words: I) -> Self {
        self.segmenter = Some(self.seg().words(words));
        self
    }

    /// Builds the analyzer.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) for an unknown encoding
    /// label, [`ErrorKind::Dictionary`](crate::ErrorKind::Dictionary) for a user
    /// dictionary that cannot be read.
    pub fn build(self) -> Result<Analyzer> {
        let forced = match &self.config.encoding {
            Some(label) => Some(ingest::encoding_for_label(label)?),
            None => None,
        };
        let segmenter = match self.segmenter {
            Some(b) => b.build()?,
            None => Segmenter::new(),
        };
        Ok(Analyzer::assemble(self.config, forced, segmenter))
    }
}

/// Reads duty reports, work reports and speeches and tells what is in them.
///
/// Build it once and share it: it is `Send + Sync` and works through `&self`.
/// Analysing text never panics, whatever the input.
///
/// ```
/// use shuzhi::Analyzer;
/// let an = Analyzer::new();
/// let a = an.analyze("在基层党组织书记述职评议会上讲话\n同志们:\n一、提高政治责任意识\n要深入贯彻落实。");
/// assert_eq!(a.title.as_deref(), Some("在基层党组织书记述职评议会上讲话"));
/// assert_eq!(a.sections[0].heading, "一、提高政治责任意识");
/// ```
#[derive(Debug, Clone)]
pub struct Analyzer {
    config: Config,
    forced: Option<&'static encoding_rs::Encoding>,
    figures: Arc<FigureFinder>,
    segmenter: Arc<Segmenter>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    /// An analyzer with the embedded defaults.
    pub fn new() -> Analyzer {
        Analyzer::assemble(Config::default(), None, Segmenter::new())
    }

    fn assemble(
        config: Config,
        forced: Option<&'static encoding_rs::Encoding>,
        segmenter: Segmenter,
    ) -> Analyzer {
        Analyzer {
            config,
            forced,
            figures: Arc::new(FigureFinder::new()),
            segmenter: Arc::new(segmenter),
        }
    }

    /// The segmenter in use (jieba-rs with the domain dictionary).
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// A builder for an analyzer with other settings.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// The settings in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    fn limits(&self) -> Limits {
        Limits {
            max_bytes: self.config.max_document_bytes,
            max_docx_unpacked: self.config.max_docx_unpacked_bytes,
        }
    }

    /// Analyses `text` as one document (id `"text"`).
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_part(
            text,
            0..text.len(),
            0,
            "text".to_owned(),
            "utf-8",
            0,
            None,
            None,
            None,
        )
    }

    /// The outline alone (title, sections, paragraphs, sentences, set-aside
    /// clutter), without roles or records: the cheap structural pass.
    ///
    /// ```
    /// use shuzhi::Analyzer;
    /// let a = Analyzer::new().outline("一、主要成效\n全年召开党委会12次。");
    /// assert_eq!(a.sentences.len(), 2);
    /// assert!(a.sentences[1].role.is_none());
    /// ```
    pub fn outline(&self, text: &str) -> Analysis {
        self.outline_part(text, 0..text.len(), 0, "text".to_owned(), "utf-8", 0, None)
    }

    #[allow(clippy::too_many_arguments)]
    fn outline_part(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        chars_before: usize,
        id: String,
        encoding: &str,
        replaced: usize,
        title_hint: Option<&str>,
    ) -> Analysis {
        let clutter = ingest::find_clutter(text, range.clone());
        let o = structure::outline(text, range, chars_before, &clutter, title_hint);
        Analysis {
            schema: SCHEMA.to_owned(),
            id,
            title: o.title,
            encoding: encoding.to_owned(),
            replaced,
            dictionaries: Vec::new(),
            dict_hash: String::new(),
            genre: crate::extract::Genre::Other,
            chars: o.chars,
            meta: None,
            set_aside: clutter,
            sections: o.sections,
            paragraphs: o.paragraphs,
            sentences: o.sentences,
            figures: Vec::new(),
            problems: Vec::new(),
            causes: Vec::new(),
            commitments: Vec::new(),
            assessment: None,
        }
    }

    /// Analyses `text` as one document with the given id: no splitting of
    /// compilations, so one text gives exactly one record (what JSON Lines
    /// input needs: one line in, one line out).
    ///
    /// ```
    /// use shuzhi::Analyzer;
    /// let a = Analyzer::new().analyze_document("2020-厦门", "同志们：\n要抓落实。");
    /// assert_eq!(a.id, "2020-厦门");
    /// assert_eq!(a.sentences.len(), 2);
    /// ```
    pub fn analyze_document(&self, id: impl Into<String>, text: &str) -> Analysis {
        self.analyze_part(
            text,
            0..text.len(),
            0,
            id.into(),
            "utf-8",
            0,
            None,
            None,
            None,
        )
    }

    /// The outline of one document with the given id (see
    /// [`outline`](Self::outline) and [`analyze_document`](Self::analyze_document)).
    #[cfg_attr(not(feature = "parallel"), allow(dead_code))]
    pub(crate) fn outline_document(&self, id: impl Into<String>, text: &str) -> Analysis {
        self.outline_part(text, 0..text.len(), 0, id.into(), "utf-8", 0, None)
    }

    /// Outlines of every document in `bytes`, with the same ids and the
    /// same splitting as [`analyze_bytes`](Self::analyze_bytes).
    #[cfg_attr(not(feature = "parallel"), allow(dead_code))]
    pub(crate) fn outline_bytes(&self, bytes: &[u8], name: &str) -> Result<Vec<Analysis>> {
        let ext = Path::new(name).extension().and_then(|e| e.to_str());
        let d = ingest::bytes_to_text(bytes, ext, self.forced, self.limits())?;
        self.check_sentences(&d.text)?;
        // Chars before each part, counted once over the whole file.
        let (mut at, mut chars) = (0, 0);
        Ok(ingest::split_compilation(&d.text)
            .into_iter()
            .map(|p| {
                chars += d
                    .text
                    .get(at..p.range.start)
                    .map_or(0, |t| t.chars().count());
                at = p.range.start;
                let pid = match p.number {
                    Some(n) => format!("{name}#{n}"),
                    None => name.to_owned(),
                };
                self.outline_part(
                    &d.text,
                    p.range,
                    chars,
                    pid,
                    d.encoding,
                    d.replaced,
                    p.title.as_deref(),
                )
            })
            .collect())
    }

    /// Outlines of every document in the file at `path` (see
    /// [`analyze_path`](Self::analyze_path)).
    #[cfg_attr(not(feature = "parallel"), allow(dead_code))]
    pub(crate) fn outline_path(&self, path: &Path) -> Result<Vec<Analysis>> {
        let bytes = ingest::read_file(path, self.limits())?;
        self.outline_bytes(&bytes, &path.to_string_lossy())
    }

    /// Analyses the text of one input, splitting a compilation of several
    /// speeches (篇1, 篇2…) into documents `id#1`, `id#2`….
    pub fn analyze_text(&self, id: &str, text: &str) -> Vec<Analysis> {
        self.analyze_decoded(
            id,
            &Decoded {
                text: text.to_owned(),
                encoding: "utf-8",
                bom: false,
                replaced: 0,
            },
        )
    }

    fn analyze_decoded(&self, id: &str, d: &Decoded) -> Vec<Analysis> {
        self.analyze_decoded_features(id, d, None)
    }

    /// As `analyze_decoded`, optionally keeping every sentence's role
    /// features (for training and evaluating the learned layer).
    fn analyze_decoded_features(
        &self,
        id: &str,
        d: &Decoded,
        mut features: Option<&mut Vec<Vec<(String, f32)>>>,
    ) -> Vec<Analysis> {
        let parts = ingest::split_compilation(&d.text);
        let mut out = Vec::with_capacity(parts.len());
        // Chars before each part, counted once over the whole file.
        let (mut at, mut chars) = (0, 0);
        for p in parts {
            chars += d
                .text
                .get(at..p.range.start)
                .map_or(0, |t| t.chars().count());
            at = p.range.start;
            let pid = match p.number {
                Some(n) => format!("{id}#{n}"),
                None => id.to_owned(),
            };
            let mut f = Vec::new();
            let keep = features.is_some();
            out.push(self.analyze_part(
                &d.text,
                p.range,
                chars,
                pid,
                d.encoding,
                d.replaced,
                p.title.as_deref(),
                None,
                keep.then_some(&mut f),
            ));
            if let Some(all) = features.as_deref_mut() {
                all.extend(f);
            }
        }
        out
    }

    /// Decodes `bytes` (any supported encoding or format; `name` gives the
    /// file extension and the id) and analyses every document in them.
    ///
    /// # Errors
    ///
    /// `decode`, `binary`, `too_large`, `unsupported_format` or `docx`
    /// errors for input that cannot be read as text.
    pub fn analyze_bytes(&self, bytes: &[u8], name: &str) -> Result<Vec<Analysis>> {
        let ext = Path::new(name).extension().and_then(|e| e.to_str());
        let d = ingest::bytes_to_text(bytes, ext, self.forced, self.limits())?;
        self.check_sentences(&d.text)?;
        Ok(self.analyze_decoded(name, &d))
    }

    /// Like [`analyze_text`](Self::analyze_text), with the limits of the
    /// [`Config`] enforced: a text over `max_document_bytes` or with more
    /// than `max_sentences` sentences is an error instead of an analysis.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) when a limit is
    /// exceeded.
    ///
    /// ```
    /// use shuzhi::{Analyzer, Config, ErrorKind};
    /// let an = Analyzer::builder()
    ///     .config(Config { max_sentences: 2, ..Config::default() })
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(an.try_analyze_text("a", "同志们：\n要抓落实。").unwrap().len(), 1);
    /// let e = an.try_analyze_text("b", "一、成绩\n召开党委会12次。\n二、问题").unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::TooLarge);
    /// ```
    pub fn try_analyze_text(&self, id: &str, text: &str) -> Result<Vec<Analysis>> {
        self.check_text(text)?;
        Ok(self.analyze_text(id, text))
    }

    /// The limits of the [`Config`] on a text given as a string.
    pub(crate) fn check_text(&self, text: &str) -> Result<()> {
        if text.len() as u64 > self.config.max_document_bytes {
            return Err(ingest::too_large(self.config.max_document_bytes));
        }
        self.check_sentences(text)
    }

    fn check_sentences(&self, text: &str) -> Result<()> {
        let max = self.config.max_sentences;
        // Fewer bytes than the limit cannot make more sentences than it.
        if text.len() <= max || structure::count_sentences(text) <= max {
            return Ok(());
        }
        Err(crate::error::Error::new(
            crate::error::ErrorKind::TooLarge,
            format!(
                "the document has more than {max} sentences (Config::max_sentences): \
                 more lines or sentence marks than any report"
            ),
        ))
    }

    /// Reads and analyses a file (`.txt`, `.md`, `.docx`…); the id is the path as given.
    ///
    /// # Errors
    ///
    /// As [`analyze_bytes`](Self::analyze_bytes), plus `io` when the file cannot be read.
    pub fn analyze_path(&self, path: impl AsRef<Path>) -> Result<Vec<Analysis>> {
        let path = path.as_ref();
        let bytes = ingest::read_file(path, self.limits())?;
        self.analyze_bytes(&bytes, &path.to_string_lossy())
    }

    /// Reads and decodes a file as [`analyze_path`](Self::analyze_path)
    /// does (same formats, encodings and limits), without analysing it.
    ///
    /// # Errors
    ///
    /// As [`analyze_path`](Self::analyze_path).
    pub fn read_text(&self, path: impl AsRef<Path>) -> Result<String> {
        let path = path.as_ref();
        let bytes = ingest::read_file(path, self.limits())?;
        let ext = path.extension().and_then(|e| e.to_str());
        Ok(ingest::bytes_to_text(&bytes, ext, self.forced, self.limits())?.text)
    }

    /// Decodes `bytes` as [`analyze_bytes`](Self::analyze_bytes) does
    /// (`name` gives the file extension), without analysing them.
    ///
    /// ```
    /// let an = shuzhi::Analyzer::new();
    /// assert_eq!(an.decode_bytes("疫情防控".as_bytes(), "-").unwrap(), "疫情防控");
    /// ```
    ///
    /// # Errors
    ///
    /// As [`analyze_bytes`](Self::analyze_bytes).
    pub fn decode_bytes(&self, bytes: &[u8], name: &str) -> Result<String> {
        let ext = Path::new(name).extension().and_then(|e| e.to_str());
        Ok(ingest::bytes_to_text(bytes, ext, self.forced, self.limits())?.text)
    }

    /// Like [`analyze_path`](Self::analyze_path), also returning the decoded text.
    /// With `features`, every sentence's role features are appended in
    /// sentence order across the documents of the file.
    pub(crate) fn analyze_path_with_text(
        &self,
        path: &Path,
        features: Option<&mut Vec<Vec<(String, f32)>>>,
    ) -> Result<(String, Vec<Analysis>)> {
        let bytes = ingest::read_file(path, self.limits())?;
        let ext = path.extension().and_then(|e| e.to_str());
        let d = ingest::bytes_to_text(&bytes, ext, self.forced, self.limits())?;
        let v = self.analyze_decoded_features(&path.to_string_lossy(), &d, features);
        Ok((d.text, v))
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_part(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        chars_before: usize,
        id: String,
        encoding: &str,
        replaced: usize,
        title_hint: Option<&str>,
        meta: Option<serde_json::Map<String, serde_json::Value>>,
        features_out: Option<&mut Vec<Vec<(String, f32)>>>,
    ) -> Analysis {
        let clutter = ingest::find_clutter(text, range.clone());
        let mut o = structure::outline(text, range, chars_before, &clutter, title_hint);
        let genre = crate::extract::genre(o.title.as_deref(), &o.sentences);
        // Matching and segmentation read a simplified-character view of the
        // sentences; offsets are the same, and the output keeps the original.
        let view: Option<Vec<crate::structure::Sentence>> = o
            .sentences
            .iter()
            .any(|s| {
                matches!(
                    crate::normalize::simplified(&s.text),
                    std::borrow::Cow::Owned(_)
                )
            })
            .then(|| {
                o.sentences
                    .iter()
                    .map(|s| {
                        let mut v = s.clone();
                        v.text = crate::normalize::simplified(&s.text).into_owned();
                        v
                    })
                    .collect()
            });
        let mut view = view;
        let work: &mut Vec<crate::structure::Sentence> = match view.as_mut() {
            Some(v) => v,
            None => &mut o.sentences,
        };
        // A sentence longer than `max_run_bytes` reaches the segmenter and
        // the figure finder in runs cut at safe points (crate::runs).
        let max_run = self.config.max_run_bytes;
        let bounds: Vec<crate::extract::Bounds> = work
            .iter()
            .map(|s| {
                if s.text.len() <= max_run {
                    let toks = self.segmenter.tokens(&s.text);
                    return crate::extract::Bounds::new(
                        s.text.len(),
                        toks.iter().map(|t| (t.start, t.end)),
                    );
                }
                let mut cuts = Vec::new();
                for (off, run) in crate::runs::runs(&s.text, max_run) {
                    let toks = self.segmenter.tokens(run);
                    cuts.extend(toks.iter().map(|t| (off + t.start, off + t.end)));
                }
                crate::extract::Bounds::new(s.text.len(), cuts.into_iter())
            })
            .collect();
        crate::extract::classify(
            work,
            &o.sections,
            genre,
            &bounds,
            Some(&crate::extract::MODEL),
            Some(&crate::extract::CONTEXT_MODEL),
            features_out,
        );
        let (problems, causes, commitments) = crate::extract::records(work);
        let mut figures = Vec::new();
        for s in work.iter() {
            let mut chars = s.char_span[0];
            for (off, run) in crate::runs::runs(&s.text, max_run) {
                figures.extend(self.figures.find(run, s.span.start + off, chars, s.index));
                chars += run.chars().count();
            }
        }
        if let Some(v) = view {
            for (orig, seen) in o.sentences.iter_mut().zip(v) {
                orig.role = seen.role;
                orig.cues = seen.cues;
                orig.confidence = seen.confidence;
            }
            for f in &mut figures {
                if let Some(t) = text.get(f.span[0]..f.span[1]) {
                    f.text = t.to_owned();
                }
            }
        }
        // The year the document speaks from: its latest date outside plans
        // and targets (到2035年 is not when a report was written).
        let year = figures
            .iter()
            .filter(|f| f.kind == crate::extract::FigureKind::Date)
            .filter(|f| {
                let before = text.get(..f.span[0]).and_then(|t| t.chars().next_back());
                let after = text.get(f.span[1]..).and_then(|t| t.chars().next());
                !matches!(before, Some('到' | '至' | '从'))
                    && !matches!(after, Some('到' | '至'))
                    && o.sentences
                        .get(f.sentence)
                        .is_some_and(|s| s.role != Some(crate::extract::Role::Commitment))
            })
            .filter_map(|f| match &f.value {
                crate::extract::FigureValue::Date(d) => {
                    d.get(..4).and_then(|y| y.parse::<u32>().ok())
                }
                _ => None,
            })
            .chain(o.title.as_deref().into_iter().flat_map(title_years))
            .filter(|y| (1949..=2100).contains(y))
            .max();
        let slogan_chars = figures
            .iter()
            .filter(|f| f.kind == crate::extract::FigureKind::Slogan)
            .map(|f| f.text.chars().count())
            .sum();
        let assessment = crate::assess::assess(
            &crate::assess::Input {
                text,
                genre,
                sections: &o.sections,
                sentences: &o.sentences,
                problems: &problems,
                causes: &causes,
                commitments: &commitments,
                year,
                slogan_chars,
            },
            &self.config,
        );
        Analysis {
            schema: SCHEMA.to_owned(),
            id,
            title: o.title,
            encoding: encoding.to_owned(),
            replaced,
            dictionaries: self.segmenter.dictionaries().to_vec(),
            dict_hash: self.segmenter.dict_hash().to_owned(),
            genre,
            chars: o.chars,
            meta,
            set_aside: clutter,
            sections: o.sections,
            paragraphs: o.paragraphs,
            sentences: o.sentences,
            figures,
            problems,
            causes,
            commitments,
            assessment: Some(assessment),
        }
    }
}
