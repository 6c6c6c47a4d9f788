# POST routes that create nothing, and routes whose response sets the status: found on real apps.
from fastapi import APIRouter, FastAPI
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates

from . import crud
from .schemas import Incident, Recipe, Signal

app = FastAPI()
router = APIRouter(prefix="/incidents")
templates = Jinja2Templates(directory="templates")


# Actions on an existing resource: the last segment is a verb, not a collection.
@router.post("/{incident_id}/take", response_model=Incident)
def take_incident(incident_id: int):
    return Incident(id=incident_id)


@app.post("/deploy", response_model=Signal)
def deploy_signals():
    return Signal(id=1)


@app.post("/invoke", response_model=Signal)
def function_invocation():
    return Signal(id=1)


@app.post("/acknowledge", response_model=Signal)
def acknowledge_alert(signal: Signal):
    return signal


@app.post("/status/function", response_model=Signal)
def function_status(signal: Signal):
    return signal


@app.post("/recipe/{slug}/delete", response_model=Recipe)
def remove_recipe(slug: str):
    return Recipe(slug=slug)


# Not a collection: singular or non-collection nouns, adjectives.
@app.post("/email", response_model=Signal)
def invitation_email(signal: Signal):
    return signal


@app.post("/random", response_model=Recipe)
def create_random_meal():
    return Recipe(slug="random")


@app.post("/settings", response_model=Signal)
def save_settings(signal: Signal):
    return signal


@app.post("/chat/completions", response_model=Signal)
def completions(signal: Signal):
    return signal


@app.post("/ingredients", response_model=list[Recipe])
def parse_ingredients(text: str):
    return [Recipe(slug=text)]


@app.post("/clean/images", response_model=Signal)
def images(signal: Signal):
    return signal


# The response decides the status: a RedirectResponse subclass, a Response returned by a helper,
# a template response.
class SeeOther(RedirectResponse):
    status_code = 303


@app.post("/recipes", response_model=Recipe)
def create_recipe_form(slug: str):
    Recipe(slug=slug)
    return SeeOther(f"/recipes/{slug}")


def back_to_list() -> RedirectResponse:
    return RedirectResponse("/recipes", status_code=303)


@app.post("/signals")
def create_signal_form(slug: str):
    if not slug:
        return back_to_list()
    return Signal(id=1)


@app.post("/pages")
def create_page(request, slug: str):
    return templates.TemplateResponse("page.html", {"request": request, "slug": slug})


# Nothing proves a creation: a dict, or a value of a class the code does not name.
@app.post("/notes")
def create_note(text: str):
    return {"id": 1, "text": text}


@app.post("/comments", response_model=Signal)
def create_comment(text: str):
    return crud.create_comment(text)


# The route documents its 200.
@app.post("/tags", response_model=Signal, responses={200: {"description": "the tag"}})
def create_tag(signal: Signal):
    return signal


@app.delete("/alerts/{alert_id}", response_model=None)
def delete_alert(alert_id: int):
    """Deletes an alert, returning only an HTTP 200 OK if successful."""
    crud.delete_alert(alert_id)


@app.delete("/cache/clear")
def empty_cache():
    crud.clear_cache()
