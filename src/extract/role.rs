//! Sentence roles.

use serde::{Deserialize, Serialize};

/// The role of a sentence, as `ANNOTATION.md` defines it.
///
/// ```
/// use shuzhi::Role;
/// assert_eq!(Role::Problem.as_str(), "problem");
/// assert_eq!(serde_json::to_string(&Role::Commitment).unwrap(), "\"commitment\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reports work done, results, progress or strengths.
    Achievement,
    /// States a shortcoming, gap, failure, violation or risk.
    Problem,
    /// Explains why a problem exists.
    Cause,
    /// A plan, measure, requirement, directive, target or pledge.
    Commitment,
    /// Procedure, framing, background, quotations, principles.
    Other,
}

impl Role {
    /// All roles, in the order of the output's `shares`.
    pub const ALL: [Role; 5] = [
        Role::Achievement,
        Role::Problem,
        Role::Cause,
        Role::Commitment,
        Role::Other,
    ];

    /// The role's name in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Achievement => "achievement",
            Role::Problem => "problem",
            Role::Cause => "cause",
            Role::Commitment => "commitment",
            Role::Other => "other",
        }
    }
}
