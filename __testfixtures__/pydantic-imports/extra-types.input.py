from pydantic import BaseModel, PaymentCardNumber
from pydantic.color import Color
from pydantic.types import PaymentCardBrand


class Card(BaseModel):
    number: PaymentCardNumber
    colour: Color = Color("red")

    def is_visa(self) -> bool:
        return self.number.brand == PaymentCardBrand.visa
