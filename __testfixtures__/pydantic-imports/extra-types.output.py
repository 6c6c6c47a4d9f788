from pydantic import BaseModel
from pydantic_extra_types.color import Color
from pydantic_extra_types.payment import PaymentCardBrand, PaymentCardNumber


class Card(BaseModel):
    number: PaymentCardNumber
    colour: Color = Color("red")

    def is_visa(self) -> bool:
        return self.number.brand == PaymentCardBrand.visa
