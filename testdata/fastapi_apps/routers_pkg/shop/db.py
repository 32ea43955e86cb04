from .models import Item, User

ITEMS_DB: dict[int, Item] = {
    1: Item(id=1, name="Plumbus", price=9.5, tags=["home"], owner="rick"),
    2: Item(id=2, name="Portal Gun", price=999.0, tags=["tools", "science"], owner="rick"),
}

USERS_DB: dict[str, User] = {
    "rick": User(username="rick", full_name="Rick Sanchez", is_admin=True),
    "morty": User(username="morty", full_name="Morty Smith"),
}
