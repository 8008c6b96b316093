//! The genre of a document, from its structure and cues.

use crate::structure::Sentence;
use serde::{Deserialize, Serialize};

/// What kind of document this is; what counts as a good balance of
/// achievements and problems differs by genre.
///
/// ```
/// use shuzhi::{Analyzer, Genre};
/// let a = Analyzer::new().analyze("2024年度抓基层党建工作述职报告\n现将一年来抓基层党建工作情况述职如下：\n一、履职情况");
/// assert_eq!(a.genre, Genre::DutyReport);
/// let a = Analyzer::new().analyze("同志们：\n下面，我讲几点意见。\n一要提高认识。");
/// assert_eq!(a.genre, Genre::Speech);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    /// 述职报告, 述职述廉, 述责述廉, 党建述职, personal annual reports.
    DutyReport,
    /// A speech: 同志们, 下面我讲几点意见.
    Speech,
    /// A work report to a congress: 各位代表, 请予审议; 政府工作报告.
    WorkReport,
    /// 对照检查材料, 整改情况报告, 民主生活会 self-criticism.
    SelfReview,
    /// Anything else (policy documents, essays, news).
    #[default]
    Other,
}

impl Genre {
    /// The genre's name in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Genre::DutyReport => "duty_report",
            Genre::Speech => "speech",
            Genre::WorkReport => "work_report",
            Genre::SelfReview => "self_review",
            Genre::Other => "other",
        }
    }
}

const CUES: [(Genre, &str, f32); 36] = [
    (Genre::DutyReport, "一年来", 1.2),
    (Genre::DutyReport, "今年以来", 0.8),
    (Genre::DutyReport, "述职报告", 3.0),
    (Genre::DutyReport, "述职述廉", 3.0),
    (Genre::DutyReport, "述责述廉", 3.0),
    (Genre::DutyReport, "述职如下", 3.0),
    (Genre::DutyReport, "报告如下", 1.5),
    (Genre::DutyReport, "个人述职", 3.0),
    (Genre::DutyReport, "请予评议", 2.5),
    (Genre::DutyReport, "工作总结", 1.5),
    (Genre::DutyReport, "本人", 0.8),
    (Genre::DutyReport, "一年来，我", 1.5),
    (Genre::DutyReport, "第一责任人职责", 1.0),
    (Genre::DutyReport, "述职", 0.6),
    (Genre::SelfReview, "对照检查", 3.0),
    (Genre::SelfReview, "检视剖析", 2.5),
    (Genre::SelfReview, "整改情况", 2.5),
    (Genre::SelfReview, "整改报告", 1.5),
    (Genre::SelfReview, "民主生活会", 1.5),
    (Genre::SelfReview, "组织生活会", 1.5),
    (Genre::SelfReview, "个人检视", 2.5),
    (Genre::SelfReview, "巡察反馈", 1.5),
    (Genre::SelfReview, "批评和自我批评", 0.8),
    (Genre::Speech, "同志们", 2.5),
    (Genre::Speech, "讲几点意见", 3.0),
    (Genre::Speech, "我讲", 1.5),
    (Genre::Speech, "讲话", 1.5),
    (Genre::Speech, "讲话稿", 2.0),
    (Genre::Speech, "谢谢大家", 1.5),
    (Genre::Speech, "强调几点", 2.0),
    (Genre::WorkReport, "各位代表", 3.0),
    (Genre::WorkReport, "请予审议", 3.0),
    (Genre::WorkReport, "政府工作报告", 3.0),
    (Genre::WorkReport, "工作报告", 1.0),
    (Genre::WorkReport, "代表大会", 1.0),
    (Genre::WorkReport, "政协委员", 1.0),
];

/// Decides the genre from the title and the opening of the document.
pub(crate) fn genre(title: Option<&str>, sentences: &[Sentence]) -> Genre {
    let mut score = [0f32; 5];
    let slot = |g: Genre| g as usize;
    let mut head = String::new();
    if let Some(t) = title {
        head.push_str(t);
        head.push('\n');
    }
    for s in sentences.iter().take(40) {
        head.push_str(&s.text);
        head.push('\n');
    }
    for (g, cue, w) in CUES {
        if head.contains(cue) {
            score[slot(g)] += w;
        }
    }
    // Title words weigh double: they name the genre.
    if let Some(t) = title {
        for (g, cue, w) in CUES {
            if t.contains(cue) {
                score[slot(g)] += w;
            }
        }
    }
    let order = [
        Genre::DutyReport,
        Genre::Speech,
        Genre::WorkReport,
        Genre::SelfReview,
        Genre::Other,
    ];
    let best = order.into_iter().max_by(|a, b| {
        score[slot(*a)]
            .total_cmp(&score[slot(*b)])
            .then(slot(*b).cmp(&slot(*a)))
    });
    match best {
        Some(g) if score[slot(g)] >= 2.0 => g,
        _ => Genre::Other,
    }
}
