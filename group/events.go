package group

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/khodyar/shg"
)

// SchemaVersion is the version of the event JSON encoding. Decoders accept
// this version and refuse others, so a stored log never silently changes
// meaning.
const SchemaVersion = 1

// Event is one change to a group: its position in the log, its date and
// what happened. Events are the persistence contract: store them (as JSON,
// see [Event.MarshalJSON]) and [Replay] rebuilds the group.
type Event struct {
	// Seq is the 1-based position in the group's log.
	Seq int
	// On is the date the change took effect, as given by the command.
	On shg.Date
	// Data is what happened: one of the payload types in this file.
	Data EventData
}

// EventData is the payload of an [Event]. The set of payloads is closed:
// only this package's types implement it.
type EventData interface {
	// EventType is the stable tag used in JSON, e.g. "memberAdmitted".
	EventType() string
	isEvent()
}

// Type returns the payload's stable tag.
func (e Event) Type() string {
	if e.Data == nil {
		return ""
	}
	return e.Data.EventType()
}

type eventJSON struct {
	Schema int             `json:"schema"`
	Seq    int             `json:"seq"`
	Type   string          `json:"type"`
	On     shg.Date        `json:"on"`
	Data   json.RawMessage `json:"data"`
}

// MarshalJSON encodes {"schema":1,"seq":1,"type":"founded","on":"2018-08-23","data":{...}}.
func (e Event) MarshalJSON() ([]byte, error) {
	if e.Data == nil {
		return nil, fmt.Errorf("group: event %d has no data", e.Seq)
	}
	data, err := json.Marshal(e.Data)
	if err != nil {
		return nil, err
	}
	return json.Marshal(eventJSON{Schema: SchemaVersion, Seq: e.Seq, Type: e.Data.EventType(), On: e.On, Data: data})
}

// UnmarshalJSON decodes the form MarshalJSON writes. Unknown types, unknown
// fields and other schema versions are errors.
func (e *Event) UnmarshalJSON(b []byte) error {
	var j eventJSON
	if err := strictUnmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: event: %v", ErrBadLog, err)
	}
	if j.Schema != SchemaVersion {
		return fmt.Errorf("%w: event %d: schema %d, want %d", ErrBadLog, j.Seq, j.Schema, SchemaVersion)
	}
	mk, ok := eventTypes[j.Type]
	if !ok {
		return fmt.Errorf("%w: event %d: unknown type %q", ErrBadLog, j.Seq, j.Type)
	}
	data, err := mk(j.Data)
	if err != nil {
		return fmt.Errorf("%w: event %d (%s): %v", ErrBadLog, j.Seq, j.Type, err)
	}
	*e = Event{Seq: j.Seq, On: j.On, Data: data}
	return nil
}

func strictUnmarshal(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("trailing data after JSON value")
	}
	return nil
}

// decoder returns a constructor that decodes a payload of type T.
func decoder[T EventData]() func(json.RawMessage) (EventData, error) {
	return func(raw json.RawMessage) (EventData, error) {
		var v T
		if len(raw) == 0 {
			return nil, fmt.Errorf("missing data")
		}
		if err := strictUnmarshal(raw, &v); err != nil {
			return nil, err
		}
		return v, nil
	}
}

// MarshalEvents encodes a log as a JSON array.
func MarshalEvents(evs []Event) ([]byte, error) { return json.Marshal(evs) }

// UnmarshalEvents decodes a JSON array written by [MarshalEvents].
func UnmarshalEvents(b []byte) ([]Event, error) {
	var evs []Event
	if err := strictUnmarshal(b, &evs); err != nil {
		if errors.Is(err, ErrBadLog) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %v", ErrBadLog, err)
	}
	return evs, nil
}
