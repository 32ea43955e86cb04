package asgen

import (
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// As generated from:
//
//	class Circle(BaseModel):
//	    kind: Literal["circle"]
//	    r: float = Field(gt=0)
//
//	class Rect(BaseModel):
//	    kind: Literal["rect", "square"]
//	    w: float
//	    h: float = 1.0
//
//	class Poly(BaseModel):
//	    kind: Literal["poly"]
//	    points: list[tuple[float, float]] = Field(min_length=3)
//
//	Shape = Annotated[Union[Circle, Rect, Poly], Field(discriminator="kind")]
//
//	class Drawing(BaseModel):
//	    title: str
//	    shapes: list[Shape]
//	    main: Optional[Shape] = None

// Circle is the Circle model.
type Circle struct {
	Kind int // index into circleKind
	R    float64
	Set  validate.FieldsSet
}

// Rect is the Rect model.
type Rect struct {
	Kind int
	W, H float64
	Set  validate.FieldsSet
}

// Point is a tuple[float, float].
type Point struct{ X, Y float64 }

// Poly is the Poly model.
type Poly struct {
	Kind   int
	Points []Point
	Set    validate.FieldsSet
}

// Shape is the discriminated union: Which selects the member.
type Shape struct {
	Which  int // 0 Circle, 1 Rect, 2 Poly
	Circle Circle
	Rect   Rect
	Poly   Poly
}

// Drawing is the Drawing model.
type Drawing struct {
	Title  string
	Shapes []Shape
	Main   validate.Opt[Shape]
	Set    validate.FieldsSet
}

var (
	circleKind = validate.NewLiteral(validate.StrChoice("circle"))
	rectKind   = validate.NewLiteral(validate.StrChoice("rect"), validate.StrChoice("square"))
	polyKind   = validate.NewLiteral(validate.StrChoice("poly"))
	circleR    = validate.FloatConstraints{Gt: fv(0)}
	polyPoints = validate.Length{Min: ip(3)}
	// shapeTags lists every tag of every member; shapeMember maps a tag
	// index to its member.
	shapeTags = validate.NewTagged([]string{"kind"}, validate.StrChoice("circle"), validate.StrChoice("rect"),
		validate.StrChoice("square"), validate.StrChoice("poly"))
	shapeMember = [...]int{0, 1, 1, 2}
)

func circleKey(k string) int {
	switch k {
	case "kind":
		return 0
	case "r":
		return 1
	}
	return -1
}

// DecodeCircle validates a Circle.
func DecodeCircle(s *validate.State, v pyjson.Value, o *Circle) bool {
	*o = Circle{}
	if !s.ModelInput(v) {
		return false
	}
	mark := s.Mark()
	var in [2]pyjson.Value
	validate.Collect(v, in[:], circleKey)
	if x := in[0]; validate.Present(x) {
		s.PushKey("kind")
		if s.Literal(x, circleKind, &o.Kind) {
			o.Set.Add(0)
		}
		s.Pop()
	} else {
		s.Missing("kind", v)
	}
	if x := in[1]; validate.Present(x) {
		s.PushKey("r")
		if s.Float(x, &circleR, &o.R) {
			o.Set.Add(1)
		}
		s.Pop()
	} else {
		s.Missing("r", v)
	}
	return s.ModelEnd(mark, o.Set.Len(), 0)
}

func rectKey(k string) int {
	switch k {
	case "kind":
		return 0
	case "w":
		return 1
	case "h":
		return 2
	}
	return -1
}

// DecodeRect validates a Rect.
func DecodeRect(s *validate.State, v pyjson.Value, o *Rect) bool {
	*o = Rect{H: 1.0}
	if !s.ModelInput(v) {
		return false
	}
	mark := s.Mark()
	var in [3]pyjson.Value
	validate.Collect(v, in[:], rectKey)
	if x := in[0]; validate.Present(x) {
		s.PushKey("kind")
		if s.Literal(x, rectKind, &o.Kind) {
			o.Set.Add(0)
		}
		s.Pop()
	} else {
		s.Missing("kind", v)
	}
	if x := in[1]; validate.Present(x) {
		s.PushKey("w")
		if s.Float(x, nil, &o.W) {
			o.Set.Add(1)
		}
		s.Pop()
	} else {
		s.Missing("w", v)
	}
	if x := in[2]; validate.Present(x) {
		s.PushKey("h")
		if s.Float(x, nil, &o.H) {
			o.Set.Add(2)
		}
		s.Pop()
	}
	return s.ModelEnd(mark, o.Set.Len(), 0)
}

// decodePoint validates a tuple[float, float].
func decodePoint(s *validate.State, v pyjson.Value, p *Point) bool {
	t, ok := validate.BeginTuple(s, v, 2, nil)
	if !ok {
		return false
	}
	if x, ok := t.Item(0); ok {
		s.PushIndex(0)
		if s.Float(x, nil, &p.X) {
			t.Valid()
		}
		s.Pop()
	} else {
		t.Missing(0)
	}
	if x, ok := t.Item(1); ok {
		s.PushIndex(1)
		if s.Float(x, nil, &p.Y) {
			t.Valid()
		}
		s.Pop()
	} else {
		t.Missing(1)
	}
	return t.End()
}

func polyKey(k string) int {
	switch k {
	case "kind":
		return 0
	case "points":
		return 1
	}
	return -1
}

// DecodePoly validates a Poly.
func DecodePoly(s *validate.State, v pyjson.Value, o *Poly) bool {
	*o = Poly{}
	if !s.ModelInput(v) {
		return false
	}
	mark := s.Mark()
	var in [2]pyjson.Value
	validate.Collect(v, in[:], polyKey)
	if x := in[0]; validate.Present(x) {
		s.PushKey("kind")
		if s.Literal(x, polyKind, &o.Kind) {
			o.Set.Add(0)
		}
		s.Pop()
	} else {
		s.Missing("kind", v)
	}
	if x := in[1]; validate.Present(x) {
		s.PushKey("points")
		if validate.List(s, x, &polyPoints, decodePoint, &o.Points) {
			o.Set.Add(1)
		}
		s.Pop()
	} else {
		s.Missing("points", v)
	}
	return s.ModelEnd(mark, o.Set.Len(), 0)
}

// DecodeShape validates the discriminated union.
func DecodeShape(s *validate.State, v pyjson.Value, o *Shape) bool {
	ti, loc, ok := shapeTags.Select(s, v)
	if !ok {
		return false
	}
	o.Which = shapeMember[ti]
	s.Push(loc)
	switch o.Which {
	case 0:
		ok = DecodeCircle(s, v, &o.Circle)
	case 1:
		ok = DecodeRect(s, v, &o.Rect)
	default:
		ok = DecodePoly(s, v, &o.Poly)
	}
	s.Pop()
	return ok
}

func drawingKey(k string) int {
	switch k {
	case "title":
		return 0
	case "shapes":
		return 1
	case "main":
		return 2
	}
	return -1
}

// DecodeDrawing validates a Drawing.
func DecodeDrawing(s *validate.State, v pyjson.Value, o *Drawing) bool {
	*o = Drawing{}
	if !s.ModelInput(v) {
		return false
	}
	mark := s.Mark()
	var in [3]pyjson.Value
	validate.Collect(v, in[:], drawingKey)
	if x := in[0]; validate.Present(x) {
		s.PushKey("title")
		if s.Str(x, nil, &o.Title) {
			o.Set.Add(0)
		}
		s.Pop()
	} else {
		s.Missing("title", v)
	}
	if x := in[1]; validate.Present(x) {
		s.PushKey("shapes")
		if validate.List(s, x, nil, DecodeShape, &o.Shapes) {
			o.Set.Add(1)
		}
		s.Pop()
	} else {
		s.Missing("shapes", v)
	}
	if x := in[2]; validate.Present(x) {
		s.PushKey("main")
		if validate.Nullable(s, x, DecodeShape, &o.Main) {
			o.Set.Add(2)
		}
		s.Pop()
	}
	return s.ModelEnd(mark, o.Set.Len(), 0)
}

// Encode writes a Circle.
func (o *Circle) Encode(e *validate.Encoder) {
	e.BeginModel()
	if e.Field("kind", "", o.Set.Has(0), false, false) {
		e.Choice(circleKind.Choices[o.Kind])
		e.Done()
	}
	if e.Field("r", "", o.Set.Has(1), false, false) {
		e.Float(o.R)
		e.Done()
	}
	e.EndModel()
}

// Encode writes a Rect.
func (o *Rect) Encode(e *validate.Encoder) {
	e.BeginModel()
	if e.Field("kind", "", o.Set.Has(0), false, false) {
		e.Choice(rectKind.Choices[o.Kind])
		e.Done()
	}
	if e.Field("w", "", o.Set.Has(1), false, false) {
		e.Float(o.W)
		e.Done()
	}
	if e.Field("h", "", o.Set.Has(2), o.H == 1.0, false) {
		e.Float(o.H)
		e.Done()
	}
	e.EndModel()
}

// Encode writes a Poly.
func (o *Poly) Encode(e *validate.Encoder) {
	e.BeginModel()
	if e.Field("kind", "", o.Set.Has(0), false, false) {
		e.Choice(polyKind.Choices[o.Kind])
		e.Done()
	}
	if e.Field("points", "", o.Set.Has(1), false, false) {
		e.BeginArray()
		for i, p := range o.Points {
			if e.Item(i) {
				e.BeginArray()
				if e.Item(0) {
					e.Float(p.X)
					e.Done()
				}
				if e.Item(1) {
					e.Float(p.Y)
					e.Done()
				}
				e.EndArray()
				e.Done()
			}
		}
		e.EndArray()
		e.Done()
	}
	e.EndModel()
}

// Encode writes the member in effect.
func (o *Shape) Encode(e *validate.Encoder) {
	switch o.Which {
	case 0:
		o.Circle.Encode(e)
	case 1:
		o.Rect.Encode(e)
	default:
		o.Poly.Encode(e)
	}
}

// Encode writes a Drawing.
func (o *Drawing) Encode(e *validate.Encoder) {
	e.BeginModel()
	if e.Field("title", "", o.Set.Has(0), false, false) {
		e.Str(o.Title)
		e.Done()
	}
	if e.Field("shapes", "", o.Set.Has(1), false, false) {
		e.BeginArray()
		for i := range o.Shapes {
			if e.Item(i) {
				o.Shapes[i].Encode(e)
				e.Done()
			}
		}
		e.EndArray()
		e.Done()
	}
	if e.Field("main", "", o.Set.Has(2), !o.Main.Valid, !o.Main.Valid) {
		if o.Main.Valid {
			o.Main.Value.Encode(e)
		} else {
			e.Null()
		}
		e.Done()
	}
	e.EndModel()
}
