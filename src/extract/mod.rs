//! Extraction: sentence roles with their cues, figures, problems and
//! commitments. Reads only the outline and tokens; knows nothing of output.

mod cues;
mod figure;
pub mod numeral;
mod genre;
mod records;
mod role;

pub(crate) use genre::genre;
pub use figure::{extract_figures, Approx, Figure, FigureFinder, FigureKind, FigureValue};
pub use genre::Genre;
pub(crate) use records::records;
pub use records::{Cause, CauseKind, Commitment, Problem};

pub(crate) use role::classify;

pub use role::Role;
