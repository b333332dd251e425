package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADME: the README's quickstart is this program, and it prints what
// the README says.
func TestREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	src, err := os.ReadFile("main.go")
	require.NoError(t, err)
	code := string(src)
	code = code[strings.Index(code, "package main"):]
	assert.Contains(t, string(readme), "```go\n"+code+"```\n", "README quickstart and examples/quickstart/main.go differ")

	r, w, err := os.Pipe()
	require.NoError(t, err)
	stdout := os.Stdout
	os.Stdout = w
	main()
	os.Stdout = stdout
	require.NoError(t, w.Close())
	var out bytes.Buffer
	_, err = io.Copy(&out, r)
	require.NoError(t, err)
	assert.Equal(t, "sustainability 9,000,000 toman [B1-01]\n[tranche.previous_repaid tranche.requests]\n", out.String())
	assert.Contains(t, string(readme), "It prints `sustainability 9,000,000 toman [B1-01]`")
}
