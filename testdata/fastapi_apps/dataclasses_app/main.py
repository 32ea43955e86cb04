"""A recipe service whose request and response types are stdlib dataclasses."""

from dataclasses import dataclass, field
from typing import List, Optional, Union

from fastapi import FastAPI, HTTPException

app = FastAPI(title="Recipes")


@dataclass
class Ingredient:
    name: str
    grams: float
    optional: bool = False


@dataclass
class Step:
    order: int
    text: str
    minutes: Optional[int] = None


@dataclass
class Recipe:
    title: str
    servings: int
    ingredients: List[Ingredient]
    steps: List[Step] = field(default_factory=list)
    tags: List[str] = field(default_factory=list)
    notes: Union[str, None] = None


@dataclass
class RecipeSummary:
    title: str
    servings: int
    total_grams: float
    total_minutes: int = 0


@dataclass
class Author:
    name: str
    recipes: List[Recipe] = field(default_factory=list)


RECIPES: dict[str, Recipe] = {
    "pancakes": Recipe(
        title="Pancakes",
        servings=4,
        ingredients=[Ingredient("flour", 250), Ingredient("milk", 500.5), Ingredient("sugar", 20, optional=True)],
        steps=[Step(1, "Mix"), Step(2, "Fry", minutes=10)],
        tags=["breakfast"],
    )
}


@app.post("/recipes/summary", response_model=RecipeSummary)
def summarize(recipe: Recipe):
    return RecipeSummary(
        title=recipe.title,
        servings=recipe.servings,
        total_grams=sum(i.grams for i in recipe.ingredients),
        total_minutes=sum(s.minutes or 0 for s in recipe.steps),
    )


@app.post("/recipes/echo")
async def echo(recipe: Recipe) -> Recipe:
    return recipe


@app.post("/recipes/raw")
def echo_raw(recipe: Recipe):
    # no response model: the dataclass goes through jsonable_encoder
    return {"recipe": recipe, "ingredient_count": len(recipe.ingredients)}


@app.get("/recipes/{slug}", response_model=Recipe)
def read_recipe(slug: str):
    if slug not in RECIPES:
        raise HTTPException(status_code=404, detail="Recipe not found")
    return RECIPES[slug]


@app.get("/recipes/{slug}/dict", response_model=Recipe)
def read_recipe_dict(slug: str):
    # a plain dict validated into the dataclass response model
    return {"title": slug.title(), "servings": "2", "ingredients": [{"name": "salt", "grams": 1}], "extra": "dropped"}


@app.get("/authors/{name}")
def read_author(name: str) -> Author:
    return Author(name=name, recipes=list(RECIPES.values()))


@app.post("/ingredients")
def add_ingredients(items: List[Ingredient]) -> List[Ingredient]:
    return [i for i in items if not i.optional]


@app.get("/broken", response_model=RecipeSummary)
def broken():
    return {"title": "No servings"}
