//go:build race

package policy_test

import "flag"

// The race detector slows decimal arithmetic twenty- to fifty-fold, so under
// -race the property tests run fewer cases: the race pass looks for data
// races, not counterexamples. .ci/run also runs the full-depth pass without
// -race, and -rapid.checks on the command line overrides this default.
func init() { _ = flag.Set("rapid.checks", "10") }
