from fastapi import FastAPI

app = FastAPI()


def helper():
    return 1 / 0


VALUE = helper()
