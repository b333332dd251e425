package policy

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/khodyar/shg"
	"github.com/shopspring/decimal"
)

// MaxPolicyBytes is the largest policy file [Load] reads.
const MaxPolicyBytes = 1 << 20

// Load reads a policy from JSON and validates it.
//
// The format is what encoding/json writes for a [Policy]: lowerCamel field
// names as in the struct tags, enums by name ("monthly", "solarHijri",
// "decliningBalance"), decimals as strings ("0.8"), amounts as
// {"amount":"25000000","currency":"IRR"} (see [shg.Money.MarshalJSON]).
// Decoding is strict: field names match exactly (case-sensitive), and an
// unknown field is an error at its path. A field left out keeps its zero
// value, which Validate then judges.
//
// Every problem — a value of the wrong type, an unknown enum name or field,
// a rule broken — is reported at once in one [*ValidationError], each with
// its path ("bankLinkage.tranches[1].maxPerMember"). Only a file that is
// not JSON at all, or not one object, fails with a plain error (which still
// matches [ErrInvalidPolicy]).
func Load(r io.Reader) (Policy, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxPolicyBytes+1))
	if err != nil {
		return Policy{}, fmt.Errorf("%w: read: %w", ErrInvalidPolicy, err)
	}
	if len(data) > MaxPolicyBytes {
		return Policy{}, fmt.Errorf("%w: larger than %d bytes", ErrInvalidPolicy, MaxPolicyBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return Policy{}, fmt.Errorf("%w: %v", ErrInvalidPolicy, trimJSON(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return Policy{}, fmt.Errorf("%w: data after the policy object", ErrInvalidPolicy)
	}
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return Policy{}, fmt.Errorf("%w: a policy must be a JSON object", ErrInvalidPolicy)
	}
	var p Policy
	d := &decoder{}
	d.value("", raw, reflect.ValueOf(&p).Elem())
	errs := d.errs
	if verr := p.Validate(); verr != nil {
		var ve *ValidationError
		if errors.As(verr, &ve) {
			for _, fe := range ve.Errors {
				if !d.covers(fe.Path) {
					errs = append(errs, fe)
				}
			}
		}
	}
	if len(errs) > 0 {
		return Policy{}, &ValidationError{Errors: errs}
	}
	return p, nil
}

// decoder walks the JSON tree beside the Go value so that it can report
// every error with its path and reject unknown fields anywhere.
type decoder struct {
	errs []FieldError
	bad  []string // paths that failed to decode
}

func (d *decoder) add(path, msg string) {
	if path == "" {
		path = "(policy)"
	}
	d.errs = append(d.errs, FieldError{Path: path, Message: msg})
	d.bad = append(d.bad, path)
}

// covers reports whether path is, or lies under or above, a path that
// failed to decode: its validation error would only echo the decode error.
func (d *decoder) covers(path string) bool {
	for _, b := range d.bad {
		if path == b || under(path, b) || under(b, path) {
			return true
		}
	}
	return false
}

func under(path, prefix string) bool {
	return strings.HasPrefix(path, prefix) && len(path) > len(prefix) && (path[len(prefix)] == '.' || path[len(prefix)] == '[')
}

var (
	jsonUnmarshaler = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	textUnmarshaler = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	decimalType     = reflect.TypeOf(decimal.Decimal{})
	moneyType       = reflect.TypeOf(shg.Money{})
	roundingType    = reflect.TypeOf(shg.Rounding{})
)

// objectKeys lists the fields of the types that decode themselves from a
// JSON object, whose own decoders would ignore unknown fields.
var objectKeys = map[reflect.Type][]string{
	moneyType:    {"amount", "currency"},
	roundingType: {"mode", "unit"},
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

func (d *decoder) value(path string, raw json.RawMessage, v reflect.Value) {
	t := v.Type()
	if keys, ok := objectKeys[t]; ok {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil || m == nil {
			d.add(path, "must be an object")
			return
		}
		if !d.unknown(path, m, keys) {
			return
		}
	}
	pt := reflect.PointerTo(t)
	if pt.Implements(jsonUnmarshaler) || pt.Implements(textUnmarshaler) {
		if t == decimalType && isNull(raw) {
			d.add(path, "must be a decimal string, got null")
			return
		}
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			d.add(path, trimJSON(err))
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil || m == nil {
			d.add(path, "must be an object")
			return
		}
		names := make([]string, 0, t.NumField())
		for i := 0; i < t.NumField(); i++ {
			name, ok := fieldName(t.Field(i))
			if !ok {
				continue
			}
			names = append(names, name)
			if r, ok := m[name]; ok {
				d.value(join(path, name), r, v.Field(i))
			}
		}
		d.unknown(path, m, names)
	case reflect.Slice:
		if isNull(raw) {
			v.SetZero()
			return
		}
		var arr []json.RawMessage
		if err := json.Unmarshal(raw, &arr); err != nil {
			d.add(path, "must be an array")
			return
		}
		s := reflect.MakeSlice(t, len(arr), len(arr))
		for i, r := range arr {
			d.value(path+"["+strconv.Itoa(i)+"]", r, s.Index(i))
		}
		v.Set(s)
	default:
		if isNull(raw) {
			d.add(path, "must not be null")
			return
		}
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			d.add(path, trimJSON(err))
		}
	}
}

// unknown reports the keys of m missing from known, sorted; it returns
// whether there were none.
func (d *decoder) unknown(path string, m map[string]json.RawMessage, known []string) bool {
	var extra []string
	for k := range m {
		found := false
		for _, n := range known {
			found = found || n == k
		}
		if !found {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		d.add(join(path, k), "unknown field")
	}
	return len(extra) == 0
}

func fieldName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	return name, true
}

// trimJSON turns encoding/json's messages into lowercase fragments.
func trimJSON(err error) string {
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		return "must be a JSON " + jsonKind(ute.Type) + ", got " + ute.Value
	}
	// An enum's refusal of a name: its message, what it accepts and what
	// it got, the path standing in for the operation and the code.
	var re *shg.RuleError
	if errors.As(err, &re) && len(re.Violations) == 1 {
		v := re.Violations[0]
		return v.Message + " (want " + v.Want + ", got " + v.Got + ")"
	}
	s := err.Error()
	s = strings.TrimPrefix(s, "json: ")
	return s
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.String:
		return "string"
	case reflect.Slice:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return t.String()
}

// Equal reports whether p and o are the same policy: every field equal,
// decimals and amounts by value (0.80 equals 0.8), a nil slice equal to an
// empty one.
func (p Policy) Equal(o Policy) bool {
	return equalValue(reflect.ValueOf(p), reflect.ValueOf(o))
}

func equalValue(a, b reflect.Value) bool {
	switch a.Type() {
	case decimalType:
		return a.Interface().(decimal.Decimal).Equal(b.Interface().(decimal.Decimal))
	case moneyType:
		x, y := a.Interface().(shg.Money), b.Interface().(shg.Money)
		return x.Currency() == y.Currency() && x.Amount().Equal(y.Amount())
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if !equalValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !equalValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return a.Uint() == b.Uint()
	}
	return false
}
