package validate

// BeginDataclass opens a standard-library dataclass (a dict of its fields). Under
// jsonable_encoder (ModeJSONable outside a model) FastAPI encodes dataclasses.asdict(obj),
// a plain dict: its values are converted as plain values are, so unlike BeginModel it
// does not enter model_dump's JSON mode; in the other modes pydantic serializes a
// dataclass as a model.
func (e *Encoder) BeginDataclass() { e.BeginObject() }

// EndDataclass closes it.
func (e *Encoder) EndDataclass() { e.EndObject() }
