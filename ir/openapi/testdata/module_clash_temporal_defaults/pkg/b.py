from pydantic import BaseModel, Field
class Item(BaseModel):
    b: str = Field(alias="B")
