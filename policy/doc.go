// Package policy holds a self-help-group programme's rules as plain,
// documented structs, with presets from real programmes, validation, strict
// JSON, and the pure rule engines that judge facts against the rules.
//
// Full documentation of every field, source and criterion code follows in
// this file (work in progress).
package policy
