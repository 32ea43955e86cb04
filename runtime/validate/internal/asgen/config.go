package asgen

import (
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// As generated from:
//
//	class Level(IntEnum):
//	    m0 = 1; m1 = 2; m2 = 3
//
//	class Color(Enum):
//	    m0 = "red"; m1 = "green"
//
//	class Config(BaseModel):
//	    model_config = ConfigDict(extra="forbid", populate_by_name=True)
//	    mode: Literal["fast", "slow", 0] = "fast"
//	    level: Level
//	    color: Color = Field(alias="colour")
//	    limits: dict[str, Annotated[int, Field(ge=0)]] = Field(default_factory=dict, max_length=3)
//	    window: tuple[int, int]
//	    ratio: Optional[float] = None
//	    value: Union[int, str, list[int]] = 0
//	    ids: frozenset[int] = frozenset()

// Config is the Config model.
type Config struct {
	Mode   int // index into configMode
	Level  int // index into levelEnum
	Color  int // index into colorEnum
	Limits []validate.Pair[string, validate.Int]
	Window [2]validate.Int
	Ratio  validate.Opt[float64]
	Value  ConfigValue
	IDs    []validate.Int
	Set    validate.FieldsSet
}

// ConfigValue is Union[int, str, list[int]].
type ConfigValue struct {
	Which int
	Int   validate.Int
	Str   string
	List  []validate.Int
}

var (
	configMode   = validate.NewLiteral(validate.StrChoice("fast"), validate.StrChoice("slow"), validate.IntChoice(0))
	levelEnum    = validate.NewEnum(true, validate.IntChoice(1), validate.IntChoice(2), validate.IntChoice(3))
	colorEnum    = validate.NewEnum(false, validate.StrChoice("red"), validate.StrChoice("green"))
	limitValue   = validate.IntConstraints{Ge: iv(0)}
	limitsLength = validate.Length{Max: ip(3)}
	configKeys   = [...]string{"mode", "level", "colour", "color", "limits", "window", "ratio", "value", "ids"}
)

func configKey(k string) int {
	switch k {
	case "mode":
		return 0
	case "level":
		return 1
	case "colour":
		return 2
	case "color":
		return 3
	case "limits":
		return 4
	case "window":
		return 5
	case "ratio":
		return 6
	case "value":
		return 7
	case "ids":
		return 8
	}
	return -1
}

func decodeLimit(s *validate.State, v pyjson.Value, out *validate.Int) bool {
	return s.Int(v, &limitValue, out)
}

func decodeRatio(s *validate.State, v pyjson.Value, out *float64) bool { return s.Float(v, nil, out) }

func decodeConfigValue(s *validate.State, v pyjson.Value, o *ConfigValue) bool {
	u := s.Union(false)
	if u.Try("int") {
		u.Result(0, s.Int(v, nil, &o.Int))
	}
	if u.Try("str") {
		u.Result(1, s.Str(v, nil, &o.Str))
	}
	if u.Try("list[int]") {
		u.Result(2, validate.List(s, v, nil, validate.DecodeInt, &o.List))
	}
	var ok bool
	o.Which, ok = u.End()
	return ok
}

// DecodeConfig validates a Config.
func DecodeConfig(s *validate.State, v pyjson.Value, o *Config) bool {
	*o = Config{}
	if !s.ModelInput(v) {
		return false
	}
	mark := s.Mark()
	var in [9]pyjson.Value
	var used [9]bool
	validate.Collect(v, in[:], configKey)
	if x := in[0]; validate.Present(x) {
		used[0] = true
		s.PushKey("mode")
		if s.Literal(x, configMode, &o.Mode) {
			o.Set.Add(0)
		}
		s.Pop()
	}
	if x := in[1]; validate.Present(x) {
		used[1] = true
		s.PushKey("level")
		if s.Enum(x, levelEnum, &o.Level) {
			o.Set.Add(1)
		}
		s.Pop()
	} else {
		s.Missing("level", v)
	}
	// color: the alias "colour" first, then the name (populate_by_name);
	// errors are located at the key that was used.
	if slot := colorSlot(&in); slot >= 0 {
		used[slot] = true
		s.PushKey(configKeys[slot])
		if s.Enum(in[slot], colorEnum, &o.Color) {
			o.Set.Add(2)
		}
		s.Pop()
	} else {
		s.Missing("colour", v)
	}
	if x := in[4]; validate.Present(x) {
		used[4] = true
		s.PushKey("limits")
		if validate.Dict(s, x, &limitsLength, validate.DecodeStr, decodeLimit, nil, &o.Limits) {
			o.Set.Add(3)
		}
		s.Pop()
	} else {
		o.Limits = []validate.Pair[string, validate.Int]{}
	}
	if x := in[5]; validate.Present(x) {
		used[5] = true
		s.PushKey("window")
		if decodeWindow(s, x, &o.Window) {
			o.Set.Add(4)
		}
		s.Pop()
	} else {
		s.Missing("window", v)
	}
	if x := in[6]; validate.Present(x) {
		used[6] = true
		s.PushKey("ratio")
		if validate.Nullable(s, x, decodeRatio, &o.Ratio) {
			o.Set.Add(5)
		}
		s.Pop()
	}
	if x := in[7]; validate.Present(x) {
		used[7] = true
		s.PushKey("value")
		if decodeConfigValue(s, x, &o.Value) {
			o.Set.Add(6)
		}
		s.Pop()
	}
	if x := in[8]; validate.Present(x) {
		used[8] = true
		s.PushKey("ids")
		if validate.Set(s, x, nil, validate.DecodeInt, validate.IntHasher, true, &o.IDs) {
			o.Set.Add(7)
		}
		s.Pop()
	}
	s.ForbidExtras(v, configKey, used[:], false)
	return s.ModelEnd(mark, o.Set.Len(), 0)
}

func colorSlot(in *[9]pyjson.Value) int {
	switch {
	case validate.Present(in[2]):
		return 2
	case validate.Present(in[3]):
		return 3
	}
	return -1
}

// decodeWindow validates a tuple[int, int].
func decodeWindow(s *validate.State, v pyjson.Value, w *[2]validate.Int) bool {
	t, ok := validate.BeginTuple(s, v, 2, nil)
	if !ok {
		return false
	}
	for i := range w {
		if x, ok := t.Item(i); ok {
			s.PushIndex(i)
			if s.Int(x, nil, &w[i]) {
				t.Valid()
			}
			s.Pop()
		} else {
			t.Missing(i)
		}
	}
	return t.End()
}

// Encode writes a Config.
func (o *Config) Encode(e *validate.Encoder) {
	e.BeginModel()
	if e.Field("mode", "", o.Set.Has(0), o.Mode == 0, false) {
		e.Choice(configMode.Choices[o.Mode])
		e.Done()
	}
	if e.Field("level", "", o.Set.Has(1), false, false) {
		e.Choice(levelEnum.Values[o.Level])
		e.Done()
	}
	if e.Field("color", "colour", o.Set.Has(2), false, false) {
		e.Choice(colorEnum.Values[o.Color])
		e.Done()
	}
	if e.Field("limits", "", o.Set.Has(3), len(o.Limits) == 0, false) {
		e.BeginObject()
		for _, p := range o.Limits {
			if e.Entry(p.Key) {
				e.Int(p.Value)
				e.Done()
			}
		}
		e.EndObject()
		e.Done()
	}
	if e.Field("window", "", o.Set.Has(4), false, false) {
		e.BeginArray()
		for i := range o.Window {
			if e.Item(i) {
				e.Int(o.Window[i])
				e.Done()
			}
		}
		e.EndArray()
		e.Done()
	}
	if e.Field("ratio", "", o.Set.Has(5), !o.Ratio.Valid, !o.Ratio.Valid) {
		if o.Ratio.Valid {
			e.Float(o.Ratio.Value)
		} else {
			e.Null()
		}
		e.Done()
	}
	isZero := o.Value.Which == 0 && o.Value.Int.Cmp(validate.IntOf(0)) == 0
	if e.Field("value", "", o.Set.Has(6), isZero, false) {
		switch o.Value.Which {
		case 0:
			e.Int(o.Value.Int)
		case 1:
			e.Str(o.Value.Str)
		default:
			e.BeginArray()
			for i := range o.Value.List {
				if e.Item(i) {
					e.Int(o.Value.List[i])
					e.Done()
				}
			}
			e.EndArray()
		}
		e.Done()
	}
	if e.Field("ids", "", o.Set.Has(7), len(o.IDs) == 0, false) {
		e.BeginArray()
		for _, id := range o.IDs {
			e.Elem()
			e.Int(id)
		}
		e.EndArray()
		e.Done()
	}
	e.EndModel()
}
