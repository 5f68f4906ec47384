//! Tests across modules: the forms real pages give a report's text in, and
//! the invariance of a report's reading across them.

#[path = "../common/mod.rs"]
mod common;
mod forms;
mod invariance;
