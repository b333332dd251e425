//go:build race

package oldloan

import "flag"

// Under -race the equivalence properties run few cases, as everywhere in
// the module (see loan/race_test.go): that pass hunts data races; the
// full-depth pass runs without the detector.
func init() { _ = flag.Set("rapid.checks", "10") }
