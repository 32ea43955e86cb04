from typing import Annotated
from fastapi import FastAPI, Query
from pydantic import Field
app = FastAPI()
@app.get("/x")
def x(a: Annotated[str, Field(description="fd", min_length=2), Query(max_length=5)] = "ab",
      b: Annotated[int, Query(description="qd"), Field(title="FT", gt=1)] = 3): ...
