from sqlalchemy import Column, ForeignKey, Integer, Table
from sqlalchemy.orm import declarative_base, relationship, Mapped, mapped_column
from typing import Optional

Base = declarative_base()

tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    posts: Mapped[list["Post"]] = relationship("Post", back_populates="author")
    profile: Mapped[Optional["Profile"]] = relationship("Profile", uselist=False)
    followers = relationship("Follower", lazy="dynamic")
    groups = relationship("Group", backref="members")


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id"), nullable=False)
    editor_id: Mapped[Optional[int]] = mapped_column(Integer, ForeignKey(User.id))
    author = relationship("User", back_populates="posts", foreign_keys=[author_id])
    tags: Mapped[list["Tag"]] = relationship("Tag", secondary=tags)
    category = relationship("Category")


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(Integer, ForeignKey("posts.id"), nullable=False)
    post: Mapped["Post"] = relationship(Post)
