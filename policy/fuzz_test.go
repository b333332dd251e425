package policy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/khodyar/shg/policy"
)

func FuzzLoad(f *testing.F) {
	for _, p := range presets() {
		b, err := json.Marshal(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	if b, err := os.ReadFile("testdata/broken.json"); err == nil {
		f.Add(b)
	}
	for _, s := range []string{``, `{}`, `null`, `[]`, `{"name":"x"}`, `{"meetings":{"quorum":1e9999}}`,
		`{"bankLinkage":{"tranches":[{},{}]}}`, `{"savings":{"plan":{"amount":{"amount":"1","currency":"IRR","x":1}}}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := policy.Load(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, policy.ErrInvalidPolicy) {
				t.Fatalf("error does not match ErrInvalidPolicy: %v", err)
			}
			var ve *policy.ValidationError
			if errors.As(err, &ve) && len(ve.Errors) == 0 {
				t.Fatal("empty ValidationError")
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("Load accepted an invalid policy: %v", err)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("marshal accepted policy: %v", err)
		}
		q, err := policy.Load(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("reload: %v\n%s", err, b)
		}
		if !q.Equal(p) {
			t.Fatalf("round trip differs:\n%s", b)
		}
	})
}
